package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import java.util.Optional;

/** Lengths and item counts are never negative, so a negative limit is a slip. */
public final class NegativeBound implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      Constraints c = site.field().constraints();
      check(site, "minLength", c.minLength(), report);
      check(site, "maxLength", c.maxLength(), report);
      check(site, "minItems", c.minItems(), report);
      check(site, "maxItems", c.maxItems(), report);
    }
  }

  private static void check(
      FieldSite site, String name, Optional<Located<Long>> limit, Reporter report) {
    limit
        .filter(l -> l.value() < 0)
        .ifPresent(
            l ->
                report.error(
                    l.location(),
                    "%s has `%s: %d`, but %s cannot be negative."
                        .formatted(
                            site.capitalPhrase(),
                            name,
                            l.value(),
                            name.endsWith("Length") ? "a length" : "a number of items"),
                    "use 0 or more"));
  }
}
