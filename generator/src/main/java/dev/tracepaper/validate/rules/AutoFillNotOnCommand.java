package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;

/**
 * The system fills values in when a command arrives through the API; anywhere else there is no
 * moment at which {@code autoFill} could happen.
 */
public final class AutoFillNotOnCommand implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      if (site.holder() == FieldSite.Holder.COMMAND) {
        continue;
      }
      site.field()
          .constraints()
          .autoFill()
          .ifPresent(
              fill ->
                  report.error(
                      fill.location(),
                      "%s has `autoFill: %s`, but only command fields are filled by the system."
                          .formatted(site.capitalPhrase(), fill.value()),
                      "move `autoFill` to the command field that feeds it; events copy the"
                          + " value by name"));
    }
  }
}
