package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/** A reference to an event: {@code Aggregate.Event}, or a bare {@code Event} name. */
public record EventRef(Optional<String> aggregate, String event, SourceLocation location) {

  @Override
  public String toString() {
    return aggregate.map(a -> a + "." + event).orElse(event);
  }
}
