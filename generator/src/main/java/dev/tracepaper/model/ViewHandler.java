package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** How an {@code on:} view reacts to one event: which row ({@code key}), then set or delete. */
public record ViewHandler(
    EventRef event,
    Optional<Expression> key,
    List<Assignment.SetValue> set,
    Optional<Located<Boolean>> delete,
    SourceLocation location) {

  public ViewHandler {
    set = List.copyOf(set);
  }

  public boolean deletes() {
    return delete.map(Located::value).orElse(false);
  }
}
