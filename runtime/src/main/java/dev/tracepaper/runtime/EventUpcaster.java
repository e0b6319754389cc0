package dev.tracepaper.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored events of any aggregate in the shape the current model writes ({@link
 * AggregateType#upcast}): what a function that sees every aggregate's events (the publisher) needs.
 */
@FunctionalInterface
public interface EventUpcaster {

  /** Reads events as they were stored: for code that knows no model (the runtime's own tests). */
  EventUpcaster NONE = stored -> stored;

  StoredEvent upcast(StoredEvent stored);

  /**
   * Upcasts each event with its aggregate's type; an event of an aggregate not in {@code types}
   * fails with {@link UnreadableEventException}.
   */
  static EventUpcaster of(List<? extends AggregateType<?, ?>> types) {
    Map<String, AggregateType<?, ?>> byName = new HashMap<>();
    types.forEach(type -> byName.put(type.name(), type));
    return stored -> {
      AggregateType<?, ?> type = byName.get(stored.aggregate());
      if (type == null) {
        throw new UnreadableEventException(
            "%s@%d: this code has no aggregate %s"
                .formatted(stored.streamId(), stored.version(), stored.aggregate()));
      }
      return type.upcast(stored);
    };
  }
}
