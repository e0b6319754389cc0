package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one event to one view: runs the projection, then writes each changed row under the
 * version rule. Shared by the {@link ProjectorHandler} (live) and the {@link RebuildHandler}.
 *
 * <p>A row the projection read is written on condition that it did not change since; when another
 * write came first (a concurrent event of another stream), the projection runs again on fresh
 * reads. Rows written in an earlier attempt are then stale for this event and skipped, so a retry
 * never applies an event twice.
 */
final class Projector {

  static final int ATTEMPTS = 5;

  private final ViewStore store;

  Projector(ViewStore store) {
    this.store = store;
  }

  /** Projects {@code event} into {@code view}; answers the changes that were written. */
  List<RowChange> project(Projection view, StoredEvent event) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        Backoff.sleep(attempt - 1);
      }
      Reads reads = new Reads(view);
      List<RowChange> written = new ArrayList<>();
      boolean changed = false;
      for (RowChange change : view.project(event, reads)) {
        ViewRow read = reads.rows.get(change.key());
        ViewStore.Write write =
            read == null
                ? store.write(view, event, change)
                : store.write(view, event, change, read);
        switch (write) {
          case APPLIED -> written.add(change);
          case STALE -> {}
          case CHANGED -> changed = true;
        }
      }
      if (!changed) {
        return written;
      }
    }
    throw new RowsKeptChanging(
        view.view()
            + " rows kept changing while projecting "
            + event.streamId()
            + "@"
            + event.version());
  }

  /** Contention on a row, not a fault of the event: retrying later can succeed. */
  static final class RowsKeptChanging extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RowsKeptChanging(String message) {
      super(message);
    }
  }

  /** The rows a projection reads, each read once, remembered for the conditional write. */
  private final class Reads implements RowReader {
    private final Projection view;
    private final Map<String, ViewRow> rows = new HashMap<>();

    Reads(Projection view) {
      this.view = view;
    }

    @Override
    public Optional<ObjectNode> row(String key) {
      // A copy: the projection may change the fields it builds its row from.
      return rows.computeIfAbsent(key, k -> store.read(view, k)).live().map(ObjectNode::deepCopy);
    }
  }
}
