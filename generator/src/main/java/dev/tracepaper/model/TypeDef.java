package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** A value type ({@code types:}) or an aggregate's entity ({@code entities:}): named fields. */
public record TypeDef(
    String name, List<Field> fields, Optional<String> description, SourceLocation location) {

  public TypeDef {
    fields = List.copyOf(fields);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
