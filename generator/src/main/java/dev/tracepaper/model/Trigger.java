package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * An event that runs a command as the API does, an entry of the command's {@code on}: each mapping
 * gives one field of the command's input from the event ({@code event}); the fields it does not map
 * are copied from the event's fields of the same names.
 *
 * @param location where the event is named in {@code on}
 */
public record Trigger(EventRef on, List<Assignment.SetValue> mappings, SourceLocation location) {

  public Trigger {
    mappings = List.copyOf(mappings);
  }
}
