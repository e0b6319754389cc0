package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;

/** A required field is always given, so its default never applies. */
public final class RequiredWithDefault implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      var c = site.field().constraints();
      if (c.defaultValue().isEmpty()) {
        continue;
      }
      c.required()
          .filter(r -> r.value())
          .ifPresent(
              r ->
                  report.warning(
                      r.location(),
                      "%s is `required: true` and has a default, so the default can never apply."
                          .formatted(site.capitalPhrase()),
                      "remove `required: true` (a field with a default is optional), or remove"
                          + " the default",
                      c.defaultValue().get().location()));
    }
  }
}
