package dev.tracepaper.diff;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.TypeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a list of fields as it is stored or sent: each field's name, type and whether it is
 * required, with the fields of value types and entities expanded, so that a change inside {@code
 * Address} shows in every event and input that holds an address. Two types of another name but the
 * same fields have the same shape: the JSON they give is the same.
 */
public final class Shapes {

  /** Value types may nest; deeper than this is compared by type name only. */
  private static final int MAX_DEPTH = 8;

  private Shapes() {}

  /** A field and, when its type is a value type or entity, the shape of that type's fields. */
  public record FieldShape(Field field, boolean required, Map<String, FieldShape> nested) {

    public String name() {
      return field.name();
    }

    public String type() {
      return field.type().toString();
    }

    boolean isRecord() {
      return nested != null;
    }
  }

  /** What happened to one field, {@code path} dotted from the top ({@code address.city}). */
  public record FieldChange(
      String path, Kind kind, Optional<FieldShape> old, Optional<FieldShape> current) {

    /** The kinds of change. */
    public enum Kind {
      ADDED,
      REMOVED,
      TYPE_CHANGED,
      NOW_REQUIRED
    }

    /** {@code total: Int → String}, {@code total: Int (removed)}, as messages name the change. */
    public String describe() {
      return switch (kind) {
        case ADDED ->
            path
                + ": "
                + current.orElseThrow().type()
                + (current.orElseThrow().required() ? " (added, required)" : " (added)");
        case REMOVED -> path + ": " + old.orElseThrow().type() + " (removed)";
        case TYPE_CHANGED ->
            path + ": " + old.orElseThrow().type() + " → " + current.orElseThrow().type();
        case NOW_REQUIRED -> path + ": " + current.orElseThrow().type() + " (now required)";
      };
    }
  }

  /**
   * The shape of {@code fields} read in {@code model}, entities looked up in {@code owner}; top
   * level fields are required by default when {@code requiredByDefault} (commands), nested ones
   * only when they say so.
   */
  public static Map<String, FieldShape> of(
      Model model, Optional<Aggregate> owner, List<Field> fields, boolean requiredByDefault) {
    return of(model, owner, fields, requiredByDefault, 0);
  }

  private static Map<String, FieldShape> of(
      Model model, Optional<Aggregate> owner, List<Field> fields, boolean byDefault, int depth) {
    Map<String, FieldShape> shape = new LinkedHashMap<>();
    for (Field field : fields) {
      Map<String, FieldShape> nested = null;
      if (depth < MAX_DEPTH) {
        Optional<TypeDef> record = record(model, owner, field.type().name());
        if (record.isPresent()) {
          nested = of(model, owner, record.get().fields(), false, depth + 1);
        }
      }
      shape.putIfAbsent(field.name(), new FieldShape(field, field.isRequired(byDefault), nested));
    }
    return shape;
  }

  private static Optional<TypeDef> record(Model model, Optional<Aggregate> owner, String name) {
    return model.type(name).or(() -> owner.flatMap(a -> a.entity(name)));
  }

  /** Every change from {@code old} to {@code current}, in the new (then the old) field order. */
  public static List<FieldChange> compare(
      Map<String, FieldShape> old, Map<String, FieldShape> current) {
    List<FieldChange> changes = new ArrayList<>();
    compare(old, current, "", changes);
    return changes;
  }

  private static void compare(
      Map<String, FieldShape> old,
      Map<String, FieldShape> current,
      String prefix,
      List<FieldChange> changes) {
    for (FieldShape now : current.values()) {
      String path = prefix + now.name();
      FieldShape before = old.get(now.name());
      if (before == null) {
        changes.add(
            new FieldChange(path, FieldChange.Kind.ADDED, Optional.empty(), Optional.of(now)));
      } else if (before.isRecord()
          && now.isRecord()
          && before.field().type().list() == now.field().type().list()) {
        compare(before.nested(), now.nested(), path + ".", changes);
        nowRequired(before, now, path, changes);
      } else if (!before.type().equals(now.type()) || before.isRecord() != now.isRecord()) {
        changes.add(
            new FieldChange(
                path, FieldChange.Kind.TYPE_CHANGED, Optional.of(before), Optional.of(now)));
      } else {
        nowRequired(before, now, path, changes);
      }
    }
    for (FieldShape before : old.values()) {
      if (!current.containsKey(before.name())) {
        changes.add(
            new FieldChange(
                prefix + before.name(),
                FieldChange.Kind.REMOVED,
                Optional.of(before),
                Optional.empty()));
      }
    }
  }

  private static void nowRequired(
      FieldShape before, FieldShape now, String path, List<FieldChange> changes) {
    if (now.required() && !before.required()) {
      changes.add(
          new FieldChange(
              path, FieldChange.Kind.NOW_REQUIRED, Optional.of(before), Optional.of(now)));
    }
  }
}
