package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;

/**
 * An event of the baseline that nothing in the new model reads: neither an event of that name in
 * its aggregate nor one that names it in {@code renamedFrom}. Loading an instance that holds one
 * fails from then on.
 */
public final class EventRemoved implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.STORED_DATA;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.aggregates(change.newModel());
    for (Aggregate oldAggregate : change.oldModel().aggregates()) {
      Aggregate now = current.get(oldAggregate.name());
      if (now == null) {
        continue; // AggregateRemoved says it once for all its events
      }
      for (Event old : oldAggregate.events()) {
        if (EventPairs.successor(now, old).isEmpty()) {
          report.report(
              change.old().at(old.location()),
              "event %s was removed: stored %s events can no longer be read, so every %s that holds one fails to load"
                  .formatted(Elements.qualified(old), old.name(), oldAggregate.name()),
              ("keep it with `retired: true` (still read and applied, never emitted), or if it was"
                      + " renamed, write `renamedFrom: [%s]` on its new name; see"
                      + " docs/evolution.md")
                  .formatted(old.name()));
        }
      }
    }
  }
}
