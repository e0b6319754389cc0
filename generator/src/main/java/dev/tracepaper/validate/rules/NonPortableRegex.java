package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A regular expression uses Java syntax that JavaScript lacks or reads differently. The generated
 * Java handler checks patterns (the AppSync resolvers pass input on unchecked), but the clients of
 * the API, web forms above all, check the same patterns in JavaScript before they send: a pattern
 * must mean the same to both, or a form refuses what the API accepts, or the other way round.
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
            "%s uses `%s`, %s; a client checking the same pattern in JavaScript (a web form) would"
                + " read it differently."
                    .formatted(Words.capital(site.what()), finding.construct(), finding.why()),
            finding.fix());
      }
    }
  }
}
