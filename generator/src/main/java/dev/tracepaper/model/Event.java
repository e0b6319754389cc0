package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened to an aggregate, with the fields it records and how it changes state.
 * {@code deletes} is present when {@code apply} holds {@code deleted: true}.
 *
 * <p>Its history says how events stored by older models read: {@code declaredVersion} is the
 * version this model writes (absent: 1), {@code versions} the older ones with their upcasts, {@code
 * renamedFrom} the names it was stored under before, and a {@code retired} event is still read and
 * applied but never emitted again.
 */
public record Event(
    String name,
    String aggregate,
    List<Field> fields,
    List<Assignment> apply,
    Optional<Located<Boolean>> deletes,
    Optional<Located<Long>> declaredVersion,
    List<Located<String>> renamedFrom,
    List<EventVersion> versions,
    Optional<Located<Boolean>> retired,
    Optional<String> description,
    SourceLocation location) {

  public Event {
    fields = List.copyOf(fields);
    apply = List.copyOf(apply);
    renamedFrom = List.copyOf(renamedFrom);
    versions = List.copyOf(versions);
  }

  /** The version this model writes: the declared one, or 1. */
  public int currentVersion() {
    return declaredVersion.map(v -> (int) Math.min(Integer.MAX_VALUE, v.value())).orElse(1);
  }

  public boolean isRetired() {
    return retired.map(Located::value).orElse(false);
  }

  public Optional<EventVersion> olderVersion(int version) {
    return versions.stream().filter(v -> v.version() == version).findFirst();
  }

  /**
   * The fields of version {@code version}: the event's own for the current version, those an older
   * version declares, none for a version the model does not declare.
   */
  public Optional<List<Field>> fieldsOfVersion(int version) {
    return version == currentVersion()
        ? Optional.of(fields)
        : olderVersion(version).map(EventVersion::fields);
  }

  /** The names stored events of this type may carry: its name, then its {@code renamedFrom}. */
  public List<String> storedNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add(name);
    renamedFrom.forEach(n -> names.add(n.value()));
    return List.copyOf(names);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public boolean endsInstance() {
    return deletes.map(Located::value).orElse(false);
  }
}
