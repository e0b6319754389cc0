package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * One line of an {@code apply}, {@code set}, {@code with} or {@code emits} mapping: what a field
 * becomes. Entity collections are changed with {@link Upsert} and {@link Remove}.
 */
public sealed interface Assignment {

  /** The field assigned; its location is that of the field's name. */
  String field();

  SourceLocation location();

  /** {@code field: <CEL>} */
  record SetValue(String field, Expression value, SourceLocation location) implements Assignment {}

  /** {@code field: {upsert: <CEL key>, with: {…}}} */
  record Upsert(String field, Expression key, List<SetValue> with, SourceLocation location)
      implements Assignment {
    public Upsert {
      with = List.copyOf(with);
    }
  }

  /** {@code field: {remove: <CEL key>}} */
  record Remove(String field, Expression key, SourceLocation location) implements Assignment {}
}
