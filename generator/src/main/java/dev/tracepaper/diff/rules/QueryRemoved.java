package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;

/**
 * A query field of the API is gone: its view was removed or renamed, or the view no longer lists
 * the query (a view that lists none serves {@code get} and {@code list}).
 */
public final class QueryRemoved implements DiffRule {

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
    var current = Elements.queries(change.newModel());
    for (Elements.ApiQuery old : Elements.queries(change.oldModel()).values()) {
      if (!current.containsKey(old.field())) {
        boolean viewGone = change.newModel().view(old.view().name()).isEmpty();
        report.report(
            change.old().at(old.location()),
            "query %s (%s of view %s) was removed%s: clients that call it get an error"
                .formatted(
                    old.field(), old.name(), old.view().name(), viewGone ? " with its view" : ""),
            "keep the query until no client calls %s; see docs/evolution.md"
                .formatted(old.field()));
      }
    }
  }
}
