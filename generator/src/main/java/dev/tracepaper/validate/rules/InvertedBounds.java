package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Bounds;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;

/** A lower limit above its upper limit lets no value through. */
public final class InvertedBounds implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      for (Bounds b : Bounds.of(site.field())) {
        if (b.lower().isEmpty() || b.upper().isEmpty()) {
          continue;
        }
        if (b.lower().get().value().compareTo(b.upper().get().value()) > 0) {
          report.error(
              b.upper().get().location(),
              "%s has `%s: %s` above `%s: %s`, so no value can pass."
                  .formatted(
                      site.capitalPhrase(),
                      b.lowerName(),
                      b.lower().get().value().toPlainString(),
                      b.upperName(),
                      b.upper().get().value().toPlainString()),
              "swap the two limits, or correct one of them",
              b.lower().get().location());
        }
      }
    }
  }
}
