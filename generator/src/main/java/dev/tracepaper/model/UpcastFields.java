package dev.tracepaper.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each field of the version after an older one gets its value, the one answer validation and
 * generation share. A field is computed by an {@code upcast} line, copied from the field of {@code
 * old} with its name and type, or, for a value type whose old form is another type (a type kept for
 * the older versions, e.g. {@code AddressV1}), converted field by field with the same three answers
 * one level down; lines give nested fields by their dotted path ({@code shipTo.country}), and a
 * nested field that may be absent reads as absent when the older value lacks it. A field that gets
 * none of them is {@link Unfilled}.
 */
public final class UpcastFields {

  private UpcastFields() {}

  /** How one field of the next version gets its value. */
  public sealed interface Source {
    /** Dotted from the event's top: {@code shipTo.country}. */
    String path();

    /** The field of the next version (of its event, or of the value type holding it). */
    Field field();
  }

  /** Given by an {@code upcast} line; {@code old} in it is the older value that holds the field. */
  public record Computed(String path, Field field, Assignment.SetValue line) implements Source {}

  /**
   * A field of a value type that may be absent ({@code required: false}) and that the older value
   * lacks: it reads as absent, as it would from a value given without it.
   */
  public record Absent(String path, Field field) implements Source {}

  /** Copied from {@code old}'s field of the same name and type. */
  public record Copied(String path, Field field, Field old) implements Source {}

  /**
   * A value type built from the older value of another type (or of the same type with lines for its
   * fields): each of {@code newType}'s fields gets its value as {@code fields} say.
   */
  public record Converted(
      String path, Field field, Field old, TypeDef oldType, TypeDef newType, List<Source> fields)
      implements Source {
    public Converted {
      fields = List.copyOf(fields);
    }
  }

  /** Why a field gets no value. */
  public enum Reason {
    /** {@code old} has no field of its name and no line gives it. */
    NO_FIELD,
    /** {@code old}'s field of its name has another type that cannot be converted field by field. */
    OTHER_TYPE,
    /**
     * The older value type holds itself (a tree) and changed shape: converting it field by field
     * would never end.
     */
    SELF_NESTED
  }

  /**
   * A field that gets no value; {@code holder} is the older value type whose fields were searched
   * (empty at the event's top level).
   */
  public record Unfilled(
      String path, Field field, Optional<Field> old, Optional<TypeDef> holder, Reason reason)
      implements Source {}

  /**
   * How each field of the version after {@code version} gets its value; none when the model
   * declares no next version (IncompleteEventVersions reports that).
   */
  public static List<Source> of(ModelIndex index, Event event, EventVersion version) {
    Optional<List<Field>> next = event.fieldsOfVersion(version.version() + 1);
    if (next.isEmpty()) {
      return List.of();
    }
    Optional<Aggregate> owner = index.aggregate(event.aggregate());
    return sources(
        index, owner, version, next.get(), version.fields(), Optional.empty(), "", List.of());
  }

  /** Every field that gets no value, outermost first. */
  public static List<Unfilled> unfilled(List<Source> sources) {
    List<Unfilled> found = new ArrayList<>();
    for (Source source : sources) {
      if (source instanceof Unfilled u) {
        found.add(u);
      } else if (source instanceof Converted c) {
        found.addAll(unfilled(c.fields()));
      }
    }
    return found;
  }

  /**
   * The value type (or entity of {@code owner}) a field of this type names, when it names one as a
   * single value or a list.
   */
  public static Optional<TypeDef> record(
      ModelIndex index, Optional<Aggregate> owner, TypeRef type) {
    if (type.builtin().isPresent()) {
      return Optional.empty();
    }
    return index.type(type.name()).or(() -> owner.flatMap(a -> a.entity(type.name())));
  }

  private static List<Source> sources(
      ModelIndex index,
      Optional<Aggregate> owner,
      EventVersion version,
      List<Field> next,
      List<Field> old,
      Optional<TypeDef> holder,
      String prefix,
      List<String> converting) {
    List<Source> sources = new ArrayList<>();
    for (Field field : next) {
      String path = prefix + field.name();
      Optional<Assignment.SetValue> line = line(version, path);
      Optional<Field> before = old.stream().filter(f -> f.name().equals(field.name())).findFirst();
      if (line.isPresent()) {
        sources.add(new Computed(path, field, line.get()));
      } else if (before.isEmpty() && holder.isPresent() && !field.isRequired(true)) {
        sources.add(new Absent(path, field));
      } else if (before.isEmpty()) {
        sources.add(new Unfilled(path, field, before, holder, Reason.NO_FIELD));
      } else {
        sources.add(from(index, owner, version, field, before.get(), holder, path, converting));
      }
    }
    return sources;
  }

  private static Source from(
      ModelIndex index,
      Optional<Aggregate> owner,
      EventVersion version,
      Field field,
      Field old,
      Optional<TypeDef> holder,
      String path,
      List<String> converting) {
    boolean sameType =
        old.type().name().equals(field.type().name()) && old.type().list() == field.type().list();
    Optional<TypeDef> oldType = record(index, owner, old.type());
    Optional<TypeDef> newType = record(index, owner, field.type());
    // Lines under a field without fields of its own are UnknownUpcastField's to report.
    if (sameType && (newType.isEmpty() || !hasLinesUnder(version, path))) {
      return new Copied(path, field, old);
    }
    if (oldType.isEmpty() || newType.isEmpty() || old.type().list() != field.type().list()) {
      return new Unfilled(path, field, Optional.of(old), holder, Reason.OTHER_TYPE);
    }
    // Lines name finite paths, so only a type holding itself repeats a conversion on one path.
    String conversion = oldType.get().name() + ">" + newType.get().name();
    if (converting.contains(conversion)) {
      return new Unfilled(path, field, Optional.of(old), holder, Reason.SELF_NESTED);
    }
    List<String> deeper = new ArrayList<>(converting);
    deeper.add(conversion);
    return new Converted(
        path,
        field,
        old,
        oldType.get(),
        newType.get(),
        sources(
            index,
            owner,
            version,
            newType.get().fields(),
            oldType.get().fields(),
            oldType,
            path + ".",
            deeper));
  }

  private static Optional<Assignment.SetValue> line(EventVersion version, String path) {
    return version.upcast().stream()
        .filter(Assignment.SetValue.class::isInstance)
        .map(Assignment.SetValue.class::cast)
        .filter(s -> s.field().equals(path))
        .findFirst();
  }

  private static boolean hasLinesUnder(EventVersion version, String path) {
    return version.upcast().stream().anyMatch(l -> l.field().startsWith(path + "."));
  }

  /**
   * The older value type that holds the field a line gives: empty for a field of the event itself
   * (its {@code old} is the older payload), the type of {@code old}'s field at the line's parent
   * path otherwise ({@code AddressV1} for {@code shipTo.country} when version 1 stored {@code
   * shipTo: AddressV1}). Empty as well when the parent path names no older value type.
   */
  public static Optional<TypeDef> oldHolder(
      ModelIndex index, Event event, EventVersion version, String path) {
    return holder(index, event, version.fields(), path);
  }

  /**
   * The next version's value type holding the field at {@code path}, walking its fields; empty for
   * a top-level path or one whose parent names no value type.
   */
  public static Optional<TypeDef> nextHolder(
      ModelIndex index, Event event, EventVersion version, String path) {
    return event
        .fieldsOfVersion(version.version() + 1)
        .flatMap(fields -> holder(index, event, fields, path));
  }

  private static Optional<TypeDef> holder(
      ModelIndex index, Event event, List<Field> fields, String path) {
    String[] segments = path.split("\\.", -1);
    Optional<Aggregate> owner = index.aggregate(event.aggregate());
    List<Field> level = fields;
    Optional<TypeDef> holder = Optional.empty();
    for (int i = 0; i < segments.length - 1; i++) {
      String name = segments[i];
      Optional<Field> field = level.stream().filter(f -> f.name().equals(name)).findFirst();
      holder = field.flatMap(f -> record(index, owner, f.type()));
      if (holder.isEmpty()) {
        return Optional.empty();
      }
      level = holder.get().fields();
    }
    return holder;
  }
}
