package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one append, ready to store, and what the aggregate looks like after them. Shared by
 * every {@link EventStore} so that versions, snapshots and deletion follow one set of rules.
 *
 * @param stored the events with their versions and metadata, oldest first
 * @param after the aggregate after the events
 * @param snapshot the state to store with the last event, or {@code null} when no snapshot is due;
 *     it, and the state on each event, are of the model {@link AggregateType#stateFingerprint()}
 * @param result what the command answers
 *     <p>Public for the in-memory store of the testing artifact only; not part of the runtime's API
 *     (docs/runtime.md).
 */
public record NewEvents<S>(
    List<StoredEvent> stored, Loaded<S> after, ObjectNode snapshot, CommandResult result) {

  public static <S, E> NewEvents<S> of(
      AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("nothing to append");
    }
    S state = current.state();
    boolean exists = current.exists();
    long version = current.version();
    long base = current.base();
    List<StoredEvent> stored = new ArrayList<>(events.size());
    List<String> types = new ArrayList<>(events.size());
    String fingerprint = type.streamsState() ? type.stateFingerprint() : null;
    for (E event : events) {
      version++;
      String eventType = type.eventType(event);
      boolean ends = type.endsInstance(event);
      // Ending events are not applied when loading; the streamed state applies them all, so that a
      // view can show what an ending event changed.
      S after = ends && !type.streamsState() ? state : type.apply(state, event);
      stored.add(
          new StoredEvent(
              type.name(),
              current.key(),
              version,
              eventType,
              type.schemaVersion(event),
              type.eventToJson(event),
              meta.now(),
              meta.commandId() == null ? null : meta.commandId().id(),
              meta.correlationId(),
              meta.caller().id(),
              type.source(),
              type.streamsState() ? type.stateToJson(after) : null,
              fingerprint));
      types.add(eventType);
      if (ends) {
        // An ending event is a base of its own: loading starts after it, from the empty state.
        state = type.empty();
        exists = false;
        base = version;
      } else {
        state = after;
        exists = true;
      }
    }
    ObjectNode snapshot = null;
    int every = type.snapshotEvery();
    if (exists && every > 0 && (version - base >= every || current.staleSnapshot())) {
      // The last event carries the snapshot, so a load reads at most `every` items. After a
      // stale snapshot it comes at once: until then every load reads past the stale one.
      snapshot = type.stateToJson(state);
      base = version;
    }
    return new NewEvents<>(
        List.copyOf(stored),
        new Loaded<>(current.key(), state, version, exists, base),
        snapshot,
        new CommandResult(current.key(), version, types));
  }
}
