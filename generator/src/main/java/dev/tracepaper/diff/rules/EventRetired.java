package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Located;

/** An event was retired: stored events are still read and applied, new ones never emitted. */
public final class EventRetired implements DiffRule {

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
      if (pair.current().isRetired() && !pair.old().isRetired()) {
        report.report(
            change
                .current()
                .at(
                    pair.current()
                        .retired()
                        .map(Located::location)
                        .orElse(pair.current().location())),
            "event %s is retired: stored events are still read and applied, and no command emits it any more"
                .formatted(Elements.qualified(pair.current())),
            "");
      }
    }
  }
}
