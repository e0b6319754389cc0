package dev.tracepaper.diff;

import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.diff.Shapes.FieldShape;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the new model reads the events the baseline stored: as they are (same version), or through
 * the {@code versions} entry of the baseline's version, which must describe exactly what the
 * baseline stored for its upcast to apply.
 */
public final class Versions {

  private Versions() {}

  /** The ways the new model can read the baseline's events. */
  public enum Kind {
    /** Both write the same version: the fields must read the same. */
    SAME_VERSION,
    /** A higher version with an entry for the old one that matches the baseline's fields. */
    UPCAST,
    /** A higher version, but no entry for the baseline's version. */
    NO_ENTRY,
    /** A higher version whose entry for the baseline's version has other fields. */
    ENTRY_DIFFERS,
    /** A lower version than the baseline's. */
    LOWERED
  }

  /** The verdict for one pair, with the field changes it rests on. */
  public record Verdict(Kind kind, Optional<EventVersion> entry, List<FieldChange> changes) {}

  public static Verdict of(ModelChange change, EventPairs.Pair pair) {
    Event old = pair.old();
    Event now = pair.current();
    int oldVersion = old.currentVersion();
    int newVersion = now.currentVersion();
    Map<String, FieldShape> stored = shape(change.oldModel(), old, old.fields());
    if (newVersion == oldVersion) {
      List<FieldChange> changes =
          Shapes.compare(stored, shape(change.newModel(), now, now.fields()));
      return new Verdict(Kind.SAME_VERSION, Optional.empty(), changes);
    }
    if (newVersion < oldVersion) {
      return new Verdict(Kind.LOWERED, Optional.empty(), List.of());
    }
    Optional<EventVersion> entry = now.olderVersion(oldVersion);
    if (entry.isEmpty()) {
      return new Verdict(Kind.NO_ENTRY, entry, List.of());
    }
    List<FieldChange> changes =
        Shapes.compare(stored, shape(change.newModel(), now, entry.get().fields()));
    return new Verdict(changes.isEmpty() ? Kind.UPCAST : Kind.ENTRY_DIFFERS, entry, changes);
  }

  /** The shape of an event's fields as stored; event fields are required only when they say. */
  public static Map<String, FieldShape> shape(Model model, Event event, List<Field> fields) {
    Optional<Aggregate> owner = model.aggregate(event.aggregate());
    return Shapes.of(model, owner, fields, false);
  }

  /** The hint for a change of stored shape: declare the next version with an upcast. */
  public static String declareVersionHint(Event old) {
    return declareVersionHint(old, "");
  }

  /**
   * The same, for the change at {@code path}: one inside a value type says how to keep its shape.
   */
  public static String declareVersionHint(Event old, String path) {
    int stored = old.currentVersion();
    return ("declare `version: %d` on %s with `versions: {%d: {fields: …, upcast: …}}`: the"
            + " fields version %d stored and how they become version %d's%s; see docs/evolution.md")
        .formatted(stored + 1, old.name(), stored, stored, stored + 1, keepTypeHint(old, path));
  }

  /**
   * For a change inside a value type ({@code address.city}), how the older version names the shape
   * it stored: a type of its own, since the type's name now means the new shape. Empty otherwise.
   */
  public static String keepTypeHint(Event old, String path) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      return "";
    }
    return old.field(path.substring(0, dot))
        .map(
            f ->
                "; keep `%s` as stored in a type of its own (`%sV%d` in `types`) for that entry"
                    .formatted(f.type().name(), f.type().name(), old.currentVersion()))
        .orElse("");
  }
}
