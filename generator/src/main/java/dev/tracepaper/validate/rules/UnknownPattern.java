package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;

/**
 * A field's {@code pattern:} names a pattern that {@code patterns:} does not define, or a regex
 * splices ({@code {{Name}}}) one. A bare PascalCase word ({@code [A-Z][A-Za-z0-9]*}) always names a
 * pattern; see {@link PatternResolver}.
 */
public final class UnknownPattern implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    PatternResolver resolver = PatternResolver.of(index.model());
    for (FieldSite site : FieldSites.all(index)) {
      site.field()
          .constraints()
          .pattern()
          .filter(p -> resolver.namesPattern(p.value()) && index.pattern(p.value()).isEmpty())
          .ifPresent(p -> unknownName(index, site, p, report));
    }
    for (RegexSite site : RegexSite.all(index, resolver)) {
      for (PatternResolver.Splice splice : PatternResolver.splices(site.text())) {
        if (index.pattern(splice.name()).isEmpty()) {
          unknownSplice(index, site, splice, report);
        }
      }
    }
  }

  private static void unknownName(
      ModelIndex index, FieldSite site, Located<String> pattern, Reporter report) {
    String hint = Suggestions.didYouMean(pattern.value(), index.patternNames());
    report.error(
        pattern.location(),
        "%s uses the pattern `%s`, but there is no pattern of that name."
            .formatted(Words.capital(site.phrase()), pattern.value()),
        hint.isEmpty()
            ? "define `%s` under `patterns:`; to match the text itself, write a regex such as `^%s$`"
                .formatted(pattern.value(), pattern.value())
            : hint);
  }

  private static void unknownSplice(
      ModelIndex index, RegexSite site, PatternResolver.Splice splice, Reporter report) {
    String written = site.text().substring(splice.start(), splice.end());
    String hint = Suggestions.didYouMean(splice.name(), index.patternNames());
    report.error(
        site.locationOf(index, splice.start()),
        splice.name().isEmpty()
            ? "%s splices `%s`, which names no pattern."
                .formatted(Words.capital(site.what()), written)
            : "%s splices `%s`, but there is no pattern `%s`."
                .formatted(Words.capital(site.what()), written, splice.name()),
        !hint.isEmpty()
            ? hint
            : splice.name().isEmpty()
                ? "write the name of a pattern between the braces, such as `{{%s}}`"
                    .formatted(
                        index.patternNames().stream().sorted().findFirst().orElse("<Pattern>"))
                : "`{{Name}}` splices a pattern defined under `patterns:`; define `%s` there"
                    .formatted(splice.name()));
  }
}
