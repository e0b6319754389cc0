package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives a {@code from} view the state after each event as the current model computes it. A state
 * stored on the event by the same model ({@link StoredEvent#hasStateOf}) is used as it is; a state
 * that is missing (the event was stored before any view was kept from its aggregate) or written by
 * another model version is folded again from the aggregate's events ({@link Folding}).
 *
 * <p>One resolver serves one batch of events: a batch of stream records in the projector, one
 * stream in the rebuild. It folds each stream at most once, with one Query that reads the stream up
 * to the newest version the batch needs (none when the batch holds the stream from its first event
 * on), and keeps only the states of the batch's events.
 */
final class StateResolver {

  private final EventStore events;
  private final List<StoredEvent> batch;

  /** Per stream with stale states: the versions whose state the batch needs. */
  private final Map<String, SortedSet<Long>> stale = new HashMap<>();

  /** Per stream folded: the state after each needed version. */
  private final Map<String, Map<Long, ObjectNode>> folded = new HashMap<>();

  /**
   * @param events where a stream is read from when the batch does not hold it whole; {@code null}
   *     when there is none (in-memory tests), and a stale state then fails the projection
   * @param views the views the batch is projected into
   */
  StateResolver(EventStore events, List<Projection> views, List<StoredEvent> batch) {
    this.events = events;
    this.batch = List.copyOf(batch);
    for (StoredEvent event : batch) {
      for (Projection view : views) {
        Optional<AggregateType<?, ?>> type = view.stateOf();
        if (type.isPresent()
            && view.handles(event)
            && !event.hasStateOf(type.get().stateFingerprint())) {
          stale.computeIfAbsent(event.streamId(), id -> new TreeSet<>()).add(event.version());
        }
      }
    }
  }

  /** {@code event} as {@code view} must see it: with the current model's state after it. */
  StoredEvent forView(Projection view, StoredEvent event) {
    Optional<AggregateType<?, ?>> type = view.stateOf();
    if (type.isEmpty() || event.hasStateOf(type.get().stateFingerprint())) {
      return event;
    }
    ObjectNode state =
        folded
            .computeIfAbsent(event.streamId(), id -> fold(type.get(), event))
            .get(event.version());
    if (state == null) {
      throw new IllegalStateException(
          event.streamId() + "@" + event.version() + " is not an event of its stream's history");
    }
    return event.withState(state, type.get().stateFingerprint());
  }

  private <S, E> Map<Long, ObjectNode> fold(AggregateType<S, E> type, StoredEvent event) {
    SortedSet<Long> needed =
        stale.getOrDefault(event.streamId(), new TreeSet<>(List.of(event.version())));
    long last = Math.max(needed.last(), event.version());
    Map<Long, ObjectNode> states = new HashMap<>();
    S state = type.empty();
    for (StoredEvent stored : history(type, event, last)) {
      E decoded = type.readEvent(stored);
      S after = Folding.streamedState(type, state, decoded);
      if (needed.contains(stored.version()) || stored.version() == event.version()) {
        states.put(stored.version(), type.stateToJson(after));
      }
      state = type.endsInstance(decoded) ? type.empty() : after;
    }
    return states;
  }

  /**
   * The stream from its first event to {@code last}, oldest first: taken from the batch when it
   * holds all of them, else read with one Query.
   */
  private List<StoredEvent> history(AggregateType<?, ?> type, StoredEvent event, long last) {
    Map<Long, StoredEvent> inBatch = new TreeMap<>();
    for (StoredEvent stored : batch) {
      if (stored.streamId().equals(event.streamId()) && stored.version() <= last) {
        inBatch.put(stored.version(), stored);
      }
    }
    if (inBatch.size() == last) {
      return List.copyOf(inBatch.values());
    }
    if (events == null) {
      throw new IllegalStateException(
          "the state stored on "
              + event.streamId()
              + "@"
              + event.version()
              + " is missing or of another model version, and there is no event store to fold"
              + " it from");
    }
    return events.history(type, event.key(), last);
  }
}
