package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A closed set of values, such as {@code BookStatus: [AVAILABLE, WITHDRAWN]}. */
public record EnumDef(
    String name,
    List<Located<String>> values,
    Optional<String> description,
    SourceLocation location) {

  public EnumDef {
    values = List.copyOf(values);
  }

  public boolean hasValue(String value) {
    return values.stream().anyMatch(v -> v.value().equals(value));
  }
}
