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

  /**
   * Deletes one page of the view's rows and tombstones (before a rebuild): those after the key
   * {@code after} in the store's order, from the first when {@code null}.
   */
  Cleared deletePage(Projection view, String after);

  /**
   * What {@link #deletePage} did.
   *
   * @param deleted the items deleted
   * @param last the last key of the page, to pass to the next call; {@code null} when the page was
   *     the last
   */
  record Cleared(long deleted, String last) {}

  /** Deletes every row and tombstone of the view; answers how many. */
  default long deleteAll(Projection view) {
    long deleted = 0;
    String after = null;
    do {
      Cleared page = deletePage(view, after);
      deleted += page.deleted();
      after = page.last();
    } while (after != null);
    return deleted;
  }
}
