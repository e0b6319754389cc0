package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * How an {@code on:} view reacts to one event: which row ({@code key}) or rows ({@code keys}), then
 * set or delete.
 *
 * @param keys {@code keys}: a list of keys from the event, naming every row the event changes;
 *     empty when the handler names one row by {@code key}
 * @param delete {@code delete: true} or {@code false}, when written as a Boolean
 * @param deleteIf {@code delete} written as a condition: the row is removed when it holds, and
 *     {@code set} applies otherwise
 */
public record ViewHandler(
    EventRef event,
    Optional<Expression> key,
    Optional<Expression> keys,
    List<Assignment.SetValue> set,
    Optional<Located<Boolean>> delete,
    Optional<Expression> deleteIf,
    SourceLocation location) {

  public ViewHandler {
    set = List.copyOf(set);
  }

  public boolean deletes() {
    return delete.map(Located::value).orElse(false);
  }
}
