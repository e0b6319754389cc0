package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import java.util.stream.Collectors;

/** An aggregate of the baseline is gone: nothing reads its stored events and snapshots. */
public final class AggregateRemoved implements DiffRule {

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
    for (Aggregate old : change.oldModel().aggregates()) {
      if (current.containsKey(old.name())) {
        continue;
      }
      String events = old.events().stream().map(Event::name).collect(Collectors.joining(", "));
      report.report(
          change.old().at(old.location()),
          "aggregate %s was removed: its stored events (%s) are no longer read"
              .formatted(old.name(), events.isEmpty() ? "none declared" : events),
          "keep the aggregate with its events (retire them with `retired: true`) while its stored"
              + " data matters; it may lose its commands; see docs/evolution.md");
    }
  }
}
