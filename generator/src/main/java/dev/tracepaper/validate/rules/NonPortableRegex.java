package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A regular expression uses Java syntax that JavaScript lacks or reads differently. Patterns are
 * checked both by the generated Java code and by the AppSync resolvers, which are JavaScript; a
 * pattern must mean the same to both.
 */
public final class NonPortableRegex implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (RegexSite site : RegexSite.all(index, PatternResolver.of(index.model()))) {
      RegexSite.Unspliced own = RegexSite.Unspliced.of(site.text());
      if (InvalidRegex.syntaxError(own.text()).isPresent()) {
        continue; // reported by InvalidRegex; its constructs may not be what they seem
      }
      for (JavaOnlyRegex.Finding finding : JavaOnlyRegex.scan(own.text())) {
        report.warning(
            site.locationOf(index, own.originalOffset(finding.offset())),
            "%s uses `%s`, %s; the AppSync resolvers check patterns in JavaScript."
                .formatted(Words.capital(site.what()), finding.construct(), finding.why()),
            finding.fix());
      }
    }
  }
}
