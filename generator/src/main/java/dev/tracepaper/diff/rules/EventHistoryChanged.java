package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An event's history was rewritten: its version lowered, or a {@code versions} entry of the
 * baseline removed or changed. Events of those versions are stored; how they read must not change
 * after the fact.
 */
public final class EventHistoryChanged implements DiffRule {

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
      Event old = pair.old();
      Event now = pair.current();
      String name = Elements.qualified(now);
      if (now.currentVersion() < old.currentVersion()) {
        report.report(
            change
                .current()
                .at(now.declaredVersion().map(Located::location).orElse(now.location())),
            "%s went back from version %d to %d: events of version %d are stored, and nothing reads them now"
                .formatted(name, old.currentVersion(), now.currentVersion(), old.currentVersion()),
            "versions only go up: keep `version: %d` or raise it; see docs/evolution.md"
                .formatted(old.currentVersion()));
        continue;
      }
      for (EventVersion before : old.versions()) {
        Optional<EventVersion> after = now.olderVersion(before.version());
        if (after.isEmpty()) {
          report.report(
              change.old().at(before.location()),
              "version %d of %s was removed from `versions`: its stored events can no longer be upcast"
                  .formatted(before.version(), name),
              "keep every `versions` entry as it was released; see docs/evolution.md");
        } else if (!same(change.oldModel(), old, before, change.newModel(), now, after.get())) {
          report.report(
              change.current().at(after.get().location()),
              "version %d of %s was changed after the fact: events stored as version %d would read differently than before"
                  .formatted(before.version(), name, before.version()),
              "restore the entry as the baseline has it; to change how the current version reads,"
                  + " raise the version again; see docs/evolution.md");
        }
      }
    }
  }

  private static boolean same(
      Model oldModel, Event old, EventVersion a, Model newModel, Event now, EventVersion b) {
    var oldShape = Shapes.of(oldModel, oldModel.aggregate(old.aggregate()), a.fields(), false);
    var newShape = Shapes.of(newModel, newModel.aggregate(now.aggregate()), b.fields(), false);
    return Shapes.compare(oldShape, newShape).isEmpty()
        && text(a.upcast()).equals(text(b.upcast()));
  }

  /** The upcast as written, so that a reformatted line still counts as the same. */
  private static List<String> text(List<Assignment> upcast) {
    return upcast.stream().map(EventHistoryChanged::text).sorted().toList();
  }

  private static String text(Assignment a) {
    if (a instanceof Assignment.SetValue s) {
      return s.field() + "=" + s.value().text().strip();
    }
    if (a instanceof Assignment.Upsert u) {
      return u.field()
          + "+="
          + u.key().text().strip()
          + u.with().stream()
              .map(w -> w.field() + "=" + w.value().text().strip())
              .collect(Collectors.joining(","));
    }
    Assignment.Remove r = (Assignment.Remove) a;
    return r.field() + "-=" + r.key().text().strip();
  }
}
