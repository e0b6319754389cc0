package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression does not compile: its own text (pointing at the column inside the pattern),
 * or the whole once its splices are done. A pattern is blamed only for its own mistakes: one that
 * splices a broken pattern is left alone, the broken one is reported.
 */
public final class InvalidRegex implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    PatternResolver resolver = PatternResolver.of(index.model());
    for (RegexSite site : RegexSite.all(index, resolver)) {
      RegexSite.Unspliced own = RegexSite.Unspliced.of(site.text());
      Optional<PatternSyntaxException> ownError = syntaxError(own.text());
      if (ownError.isPresent()) {
        PatternSyntaxException e = ownError.get();
        report.error(
            site.locationOf(index, own.originalOffset(e.getIndex())),
            "%s is not a valid regular expression: %s."
                .formatted(Words.capital(site.what()), e.getDescription()),
            "");
      } else if (splicesAreSound(site.text(), resolver)) {
        checkSpliced(index, site, resolver, report);
      }
    }
  }

  private static void checkSpliced(
      ModelIndex index, RegexSite site, PatternResolver resolver, Reporter report) {
    PatternResolver.Expansion spliced = resolver.expand(site.text());
    String what = Words.capital(site.what());
    if (spliced.failure() == PatternResolver.Failure.TOO_LONG) {
      report.error(
          site.regex().location(),
          "%s grows longer than %d characters once its splices are done."
              .formatted(what, PatternResolver.MAX_LENGTH),
          "splice fewer or shorter patterns");
      return;
    }
    spliced
        .regex()
        .flatMap(InvalidRegex::syntaxError)
        .ifPresent(
            e ->
                report.error(
                    site.regex().location(),
                    "%s is not a valid regular expression once its splices are done: %s."
                        .formatted(what, e.getDescription()),
                    "check how the spliced patterns fit together"));
  }

  /**
   * Whether every pattern spliced directly expands and compiles on its own: if one does not, that
   * one is reported (here, or as an unknown pattern or a cycle) and this one would only echo it.
   */
  private static boolean splicesAreSound(String regex, PatternResolver resolver) {
    for (PatternResolver.Splice splice : PatternResolver.splices(regex)) {
      PatternResolver.Expansion inner = resolver.named(splice.name());
      if (inner.regex().flatMap(InvalidRegex::syntaxError).isPresent() || !inner.isDone()) {
        return false;
      }
    }
    return true;
  }

  static Optional<PatternSyntaxException> syntaxError(String regex) {
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      return Optional.of(e);
    } catch (RuntimeException | StackOverflowError e) {
      // Pattern.compile can fail otherwise on pathological input, such as very deep nesting.
      return Optional.of(new PatternSyntaxException("it is too deeply nested", regex, -1));
    }
  }
}
