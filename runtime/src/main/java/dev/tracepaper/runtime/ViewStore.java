package dev.tracepaper.runtime;

/**
 * Where view rows live: {@link DynamoDbViewStore}, and {@code InMemoryViewStore} in the tests.
 *
 * <p>The version rule makes projecting idempotent and proof against order: a change made for an
 * event is written only if the row has no version for the event's stream yet, or a lower one. So a
 * redelivered event, or an older event arriving after a newer one, changes nothing. A deleted row
 * leaves a tombstone that keeps its versions for a while, so that a late older event cannot bring
 * it back.
 */
public interface ViewStore {

  /** What became of a write. */
  enum Write {
    /** The row changed. */
    APPLIED,
    /** The row has seen the event, or a later one of its stream: nothing was written. */
    STALE,
    /** Another write changed the row since it was read: read it again and recompute. */
    CHANGED
  }

  /** The row (or tombstone) under {@code key}, read consistently. */
  ViewRow read(Projection view, String key);

  /**
   * Writes {@code change}, computed for {@code event} without reading the row, under the version
   * rule. The row then belongs to the event's stream: versions of other streams are not kept.
   */
  Write write(Projection view, StoredEvent event, RowChange change);

  /**
   * Writes {@code change}, computed for {@code event} from {@code read}, under the version rule and
   * on condition that the row is still as read. Versions of other streams are kept.
   */
  Write write(Projection view, StoredEvent event, RowChange change, ViewRow read);

  /** Deletes every row and tombstone of the view (before a rebuild); answers how many. */
  long deleteAll(Projection view);
}
