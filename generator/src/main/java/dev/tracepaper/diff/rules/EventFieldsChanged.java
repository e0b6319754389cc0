package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.diff.Versions;

/**
 * An event keeps its version but its fields changed: a field removed, added or of another type.
 * Every field of an event is given whenever it is emitted, so a field added is missing from every
 * event stored before: only a new version with an upcast says what it holds for them.
 */
public final class EventFieldsChanged implements DiffRule {

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
    for (EventPairs.Pair pair : EventPairs.of(change)) {
      Versions.Verdict verdict = Versions.of(change, pair);
      if (verdict.kind() != Versions.Kind.SAME_VERSION) {
        continue;
      }
      for (FieldChange c : verdict.changes()) {
        if (c.kind() == FieldChange.Kind.NOW_REQUIRED) {
          continue; // `required` means nothing on an event field: every emitter gives every field
        }
        var at =
            c.current()
                .map(f -> change.current().at(f.field().location()))
                .orElseGet(() -> change.old().at(c.old().orElseThrow().field().location()));
        report.report(
            at,
            "%s.%s changes what stored %s events hold, and the event is still version %d"
                .formatted(
                    Elements.qualified(pair.current()),
                    c.describe(),
                    pair.old().name(),
                    pair.current().currentVersion()),
            Versions.declareVersionHint(pair.old(), c.path()));
      }
    }
  }
}
