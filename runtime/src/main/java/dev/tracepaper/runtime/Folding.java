package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where stored events become an aggregate's state. Every read path goes through here: loading an
 * aggregate ({@link Load}, for both event stores) and the states the projector and the rebuild
 * compute for {@code from} views ({@link StateResolver}). So one method decides how a stored event
 * is read ({@link #event}: where reading older event versions belongs) and one rule decides which
 * stored state may be trusted ({@link AggregateType#stateFingerprint()}).
 *
 * <p>Public for the in-memory store of the testing artifact only; not part of the runtime's API
 * (docs/runtime.md).
 */
public final class Folding {

  private Folding() {}

  /**
   * The state after {@code event}, as the stored state of a {@code from} view's aggregate holds it:
   * an ending event is applied too, so that a view can show what it changed.
   */
  static <S, E> S streamedState(AggregateType<S, E> type, S before, E event) {
    return type.apply(before, event);
  }

  /** Whether a snapshot or stored state written with {@code fingerprint} may be read as is. */
  static boolean isCurrent(AggregateType<?, ?> type, String fingerprint) {
    return type.stateFingerprint().equals(fingerprint);
  }

  /**
   * Loads one aggregate from its items read newest first: the items above the latest base (a
   * snapshot of the current model, or an ending event) are applied oldest first. A snapshot of
   * another model is passed over; the stream is then read further down, and the loaded aggregate
   * says so ({@link Loaded#staleSnapshot()}) so that the next append writes a fresh one.
   */
  public static final class Load<S, E> {
    private final AggregateType<S, E> type;
    private final List<E> newestFirst = new ArrayList<>();
    private ObjectNode snapshot;
    private long baseVersion;
    private long head;
    private long oldest = Long.MAX_VALUE;
    private boolean found;
    private ObjectNode staleSnapshot;
    private long staleVersion;
    private int aboveStale;

    public Load(AggregateType<S, E> type) {
      this.type = type;
    }

    /**
     * Takes the next item, newest first: the event and, when the item has one, its snapshot and the
     * fingerprint of the model that wrote it. Answers whether it was the base: read no further.
     */
    public boolean offer(StoredEvent stored, ObjectNode itemSnapshot, String fingerprint) {
      long version = stored.version();
      head = Math.max(head, version);
      oldest = Math.min(oldest, version);
      if (itemSnapshot != null && isCurrent(type, fingerprint)) {
        snapshot = itemSnapshot;
        baseVersion = version;
        found = true;
        return true;
      }
      if (itemSnapshot != null && staleSnapshot == null) {
        staleSnapshot = itemSnapshot;
        staleVersion = version;
        aboveStale = newestFirst.size();
      }
      E event = type.readEvent(stored);
      if (type.endsInstance(event)) {
        baseVersion = version;
        found = true;
        return true;
      }
      newestFirst.add(event);
      return false;
    }

    /** The aggregate after every item offered. */
    public Loaded<S> loaded(String key) {
      ObjectNode start = snapshot;
      List<E> events = newestFirst;
      long from = baseVersion;
      if (!found && staleSnapshot != null && oldest > 1) {
        // The events below the stale snapshot expired (eventRetentionDays): folding what is left
        // would lose them, so the stale snapshot is the best base there is.
        start = staleSnapshot;
        events = newestFirst.subList(0, aboveStale);
        from = staleVersion;
      }
      S state = start == null ? type.empty() : type.stateFromJson(start);
      List<E> oldestFirst = new ArrayList<>(events);
      Collections.reverse(oldestFirst);
      for (E event : oldestFirst) {
        state = type.apply(state, event);
      }
      boolean exists = start != null || !events.isEmpty();
      return new Loaded<>(key, state, head, exists, from, staleSnapshot != null);
    }
  }
}
