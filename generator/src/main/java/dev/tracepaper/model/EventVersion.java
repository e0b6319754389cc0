package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * An older version of an event, as events of that version are stored: the fields it recorded and
 * how its payload becomes the next version's ({@code upcast}, lines over {@code old}). Stored
 * events are never rewritten; every read path upcasts them step by step to the current version.
 */
public record EventVersion(
    int version, List<Field> fields, List<Assignment> upcast, SourceLocation location) {

  public EventVersion {
    fields = List.copyOf(fields);
    upcast = List.copyOf(upcast);
  }
}
