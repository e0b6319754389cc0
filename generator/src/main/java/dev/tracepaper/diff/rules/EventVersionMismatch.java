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
import dev.tracepaper.model.Located;
import java.util.stream.Collectors;

/**
 * An event's version was raised, but its {@code versions} entry for the baseline's version is
 * missing or does not describe the fields the baseline stored: the upcast would read payloads that
 * do not exist.
 */
public final class EventVersionMismatch implements DiffRule {

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
      int stored = pair.old().currentVersion();
      String name = Elements.qualified(pair.current());
      if (verdict.kind() == Versions.Kind.NO_ENTRY) {
        report.report(
            change
                .current()
                .at(
                    pair.current()
                        .declaredVersion()
                        .map(Located::location)
                        .orElse(pair.current().location())),
            "%s is now version %d, but no `versions` entry says how the version-%d events the baseline stored read"
                .formatted(name, pair.current().currentVersion(), stored),
            ("add `versions: {%d: {fields: …, upcast: …}}` with the fields the baseline declares"
                    + " for %s; see docs/evolution.md")
                .formatted(stored, pair.old().name()));
      } else if (verdict.kind() == Versions.Kind.ENTRY_DIFFERS) {
        String differences =
            verdict.changes().stream().map(FieldChange::describe).collect(Collectors.joining(", "));
        report.report(
            change.current().at(verdict.entry().orElseThrow().location()),
            "version %d of %s does not describe what the baseline stored (baseline → entry): %s"
                .formatted(stored, name, differences),
            ("write exactly the baseline's fields of %s under `versions: {%d: {fields: …}}`;"
                    + " changes belong in the upcast and the current fields%s")
                .formatted(
                    pair.old().name(),
                    stored,
                    verdict.changes().stream()
                        .map(c -> Versions.keepTypeHint(pair.old(), c.path()))
                        .filter(h -> !h.isEmpty())
                        .findFirst()
                        .orElse("")));
      }
    }
  }
}
