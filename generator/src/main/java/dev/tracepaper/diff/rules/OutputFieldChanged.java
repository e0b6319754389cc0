package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes;
import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.model.View;
import java.util.List;
import java.util.Optional;

/**
 * A field of a view's rows, as queries return them, was removed or changed type: clients that
 * select it get an error or a value they cannot read.
 */
public final class OutputFieldChanged implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.API;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.views(change.newModel());
    for (View old : change.oldModel().views()) {
      View now = current.get(old.name());
      if (now == null) {
        continue; // QueryRemoved and ViewRemoved say so
      }
      for (FieldChange c : changes(change, old, now)) {
        if (c.kind() == FieldChange.Kind.REMOVED) {
          report.report(
              change.old().at(c.old().orElseThrow().field().location()),
              "%s.%s: clients that select it get an error".formatted(now.name(), c.describe()),
              "keep the field until no client selects it (it may stay unset); see docs/evolution.md");
        } else if (c.kind() == FieldChange.Kind.TYPE_CHANGED) {
          report.report(
              change.current().at(c.current().orElseThrow().field().location()),
              "%s.%s: clients that select it get a value of another type"
                  .formatted(now.name(), c.describe()),
              "add a field of the new type beside the old one, and remove the old one once no client selects it; see docs/evolution.md");
        }
      }
    }
  }

  static List<FieldChange> changes(ModelChange change, View old, View now) {
    return Shapes.compare(
        Shapes.of(change.oldModel(), Optional.empty(), old.fields(), false),
        Shapes.of(change.newModel(), Optional.empty(), now.fields(), false));
  }
}
