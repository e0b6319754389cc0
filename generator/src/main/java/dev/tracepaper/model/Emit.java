package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/** One entry of {@code emits}: the event and the fields given explicitly (others are copied). */
public record Emit(String event, List<Assignment.SetValue> mappings, SourceLocation location) {

  public Emit {
    mappings = List.copyOf(mappings);
  }
}
