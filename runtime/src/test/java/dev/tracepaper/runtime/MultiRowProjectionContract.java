package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * One event that changes several rows of an {@code on} view (a handler with {@code keys}): each row
 * is read and written under its own versions, so an event cut short halfway and retried changes
 * every row once, and a redelivered or older event changes none it has seen. Run on each store:
 * {@link MultiRowProjectionTest} (in memory, as the generated tests use it) and {@link
 * MultiRowProjectionDynamoDbTest}.
 */
abstract class MultiRowProjectionContract {

  /** A store with no row of {@link #POKES} yet. */
  abstract ViewStore store();

  /** Counts, per row, the events that named it: applying one twice would show. */
  static final Projection POKES =
      new Projection() {
        @Override
        public String view() {
          return "Pokes";
        }

        @Override
        public String keyField() {
          return "id";
        }

        @Override
        public String tableVariable() {
          return "POKES_TABLE";
        }

        @Override
        public String tableSuffix() {
          return "pokes";
        }

        @Override
        public long retentionDays() {
          return 0;
        }

        @Override
        public boolean handles(StoredEvent event) {
          return event.type().equals("Poked");
        }

        @Override
        public List<RowChange> project(StoredEvent event, RowReader reader) {
          List<RowChange> changes = new ArrayList<>();
          for (JsonNode key : event.payload().path("keys")) {
            long count = reader.row(key.asText()).map(row -> row.path("count").asLong()).orElse(0L);
            ObjectNode row = Json.object().put("id", key.asText()).put("count", count + 1);
            changes.add(new RowChange.Put(key.asText(), row));
          }
          return changes;
        }
      };

  @Test
  void anEventCutShortAfterSomeRowsChangesEachRowOnceWhenRetried() {
    StoredEvent poke = poked("p1", 1, "a", "b", "c", "d");
    Projector failing = new Projector(new FailingAfter(store(), 2));
    assertThrows(IllegalStateException.class, () -> failing.project(POKES, poke));
    assertEquals(Map.of("a", 1L, "b", 1L), counts());

    List<RowChange> written = new Projector(store()).project(POKES, poke);

    assertEquals(List.of("c", "d"), written.stream().map(RowChange::key).toList());
    assertEquals(Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L), counts());
  }

  @Test
  void eachRowKeepsItsOwnVersionsAgainstRedeliveredAndOlderEvents() {
    Projector projector = new Projector(store());
    StoredEvent first = poked("p1", 1, "b", "c");
    StoredEvent second = poked("p1", 2, "a", "b");
    projector.project(POKES, second);

    // The older event arrives late: row b has seen a later event of the stream, row c none.
    projector.project(POKES, first);
    projector.project(POKES, second);
    projector.project(POKES, first);

    assertEquals(Map.of("a", 1L, "b", 1L, "c", 1L), counts());
  }

  @Test
  void rowsFedByOtherStreamsKeepTheirCounts() {
    Projector projector = new Projector(store());
    projector.project(POKES, poked("p1", 1, "a", "b"));
    projector.project(POKES, poked("p2", 1, "b", "c"));
    projector.project(POKES, poked("p1", 1, "a", "b"));

    assertEquals(Map.of("a", 1L, "b", 2L, "c", 1L), counts());
  }

  /** The count of each live row among those the tests name. */
  private Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    for (String key : List.of("a", "b", "c", "d")) {
      store().read(POKES, key).live().ifPresent(row -> counts.put(key, row.path("count").asLong()));
    }
    return counts;
  }

  static StoredEvent poked(String key, long version, String... rowKeys) {
    ObjectNode payload = Json.object();
    payload
        .putArray("keys")
        .addAll(List.of(rowKeys).stream().map(Json.object()::textNode).toList());
    return new StoredEvent(
        "Poker",
        key,
        version,
        "Poked",
        1,
        payload,
        Instant.parse("2026-12-04T01:00:00Z"),
        "c-" + version,
        "k-" + version,
        "u-test",
        "test");
  }

  /** A store whose writes fail after {@code writes} of them, as a function that timed out. */
  private static final class FailingAfter implements ViewStore {
    private final ViewStore store;
    private int writes;

    FailingAfter(ViewStore store, int writes) {
      this.store = store;
      this.writes = writes;
    }

    @Override
    public ViewRow read(Projection view, String key) {
      return store.read(view, key);
    }

    @Override
    public Write write(Projection view, StoredEvent event, RowChange change) {
      spend();
      return store.write(view, event, change);
    }

    @Override
    public Write write(Projection view, StoredEvent event, RowChange change, ViewRow read) {
      spend();
      return store.write(view, event, change, read);
    }

    @Override
    public Cleared deletePage(Projection view, String after) {
      return store.deletePage(view, after);
    }

    private void spend() {
      if (writes-- == 0) {
        throw new IllegalStateException("the function timed out");
      }
    }
  }
}
