package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Defaults;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import dev.tracepaper.validate.rules.shape.ValueChecker;

/** A default must be a value of its field's type: a whole number for an Int, a real date, … */
public final class DefaultTypeMismatch implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      for (ValueChecker.Problem p : Defaults.typeProblems(site, model)) {
        report.error(p.location(), p.message(), p.hint());
      }
    }
  }
}
