package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code emits}: the event, the fields given explicitly (others are copied), and the
 * condition under which it is recorded ({@code if}; absent: always).
 */
public record Emit(
    String event,
    List<Assignment.SetValue> mappings,
    Optional<Expression> condition,
    SourceLocation location) {

  public Emit {
    mappings = List.copyOf(mappings);
  }

  /** An event recorded whenever the flow succeeds. */
  public Emit(String event, List<Assignment.SetValue> mappings, SourceLocation location) {
    this(event, mappings, Optional.empty(), location);
  }

  public boolean conditional() {
    return condition.isPresent();
  }
}
