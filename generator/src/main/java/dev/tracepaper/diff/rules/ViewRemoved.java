package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.View;

/** A view was removed: deploying deletes its table with every row. */
public final class ViewRemoved implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.OPERATION;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.views(change.newModel());
    for (View old : change.oldModel().views()) {
      if (!current.containsKey(old.name())) {
        report.report(
            change.old().at(old.location()),
            "view %s was removed: deploying deletes its table and its rows".formatted(old.name()),
            "nothing is lost for good (a view is rebuilt from the events), but export the table"
                + " first if anyone reads it outside the API; see docs/evolution.md");
      }
    }
  }
}
