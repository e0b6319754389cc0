package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Versions;

/**
 * An event's version was raised with a {@code versions} entry that describes exactly what the
 * baseline stored: stored events read through its upcast.
 */
public final class EventUpcast implements DiffRule {

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
      Versions.Verdict verdict = Versions.of(change, pair);
      if (verdict.kind() == Versions.Kind.UPCAST) {
        report.report(
            change.current().at(verdict.entry().orElseThrow().location()),
            "%s version %d → %d: stored version-%d events read through the declared upcast"
                .formatted(
                    Elements.qualified(pair.current()),
                    pair.old().currentVersion(),
                    pair.current().currentVersion(),
                    pair.old().currentVersion()),
            "a test can give the old version (`given: - %s@%d: {…}`) to prove the upcast"
                .formatted(pair.current().name(), pair.old().currentVersion()));
      }
    }
  }
}
