package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * An event's {@code versions} describe every version before the one the model writes, each once: an
 * event stored with a version missing there could not be read, and an entry at or above the current
 * version describes nothing any model stored (most likely {@code version} was not raised).
 */
public final class IncompleteEventVersions implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    model.model().events().forEach(e -> check(e, report));
  }

  private static void check(Event event, Reporter report) {
    int current = event.currentVersion();
    for (EventVersion v : event.versions()) {
      if (v.version() >= current) {
        report.error(
            v.location(),
            "Version %d under `versions` of event `%s` is not older than the version the model writes (%d)."
                .formatted(v.version(), event.name(), current),
            event.declaredVersion().isEmpty()
                ? "raise the event's `version` to %d: `versions` describe the older ones"
                    .formatted(v.version() + 1)
                : "describe only %s here; the event's own `fields` are version %d"
                    .formatted(
                        current == 2 ? "version 1" : "versions 1 to " + (current - 1), current),
            event.declaredVersion().map(d -> d.location()).orElse(event.location()));
      }
    }
    List<String> missing = new ArrayList<>();
    for (int v = 1; v < current; v++) {
      if (event.olderVersion(v).isEmpty()) {
        missing.add(Integer.toString(v));
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    report.error(
        event.declaredVersion().map(d -> d.location()).orElse(event.location()),
        "Event `%s` is at version %d, but `versions` does not describe version%s %s: events stored with %s could not be read."
            .formatted(
                event.name(),
                current,
                missing.size() == 1 ? "" : "s",
                String.join(", ", missing),
                missing.size() == 1 ? "it" : "them"),
        "add `%s:` under `versions` of `%s` with the fields that version stored and its `upcast`"
            .formatted(missing.get(0), event.name()));
  }
}
