package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened to an aggregate, with the fields it records and how it changes state.
 * {@code deletes} is present when {@code apply} holds {@code deleted: true}.
 */
public record Event(
    String name,
    String aggregate,
    List<Field> fields,
    List<Assignment> apply,
    Optional<Located<Boolean>> deletes,
    Optional<String> description,
    SourceLocation location) {

  public Event {
    fields = List.copyOf(fields);
    apply = List.copyOf(apply);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public boolean endsInstance() {
    return deletes.map(Located::value).orElse(false);
  }
}
