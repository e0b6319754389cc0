package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;

/** An event was renamed and names its old name in {@code renamedFrom}: stored events still read. */
public final class EventRenamed implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.NOTE;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.COMPATIBLE;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    for (EventPairs.Pair pair : EventPairs.of(change)) {
      pair.renamedAt()
          .ifPresent(
              from ->
                  report.report(
                      change.current().at(from.location()),
                      "event %s.%s is now %s: stored %s events read as %s (renamedFrom)"
                          .formatted(
                              pair.old().aggregate(),
                              pair.old().name(),
                              Elements.qualified(pair.current()),
                              pair.old().name(),
                              pair.current().name()),
                      ""));
    }
  }
}
