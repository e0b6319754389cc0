package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ViewStore} guarantees: the version rule, tombstones, versions per stream and
 * writes that require the row unchanged since it was read. Subclasses supply the store; each test
 * uses its own keys.
 */
abstract class ViewStoreContract {

  static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  abstract ViewStore store();

  static StoredEvent event(String counter, long version, String type) {
    return new StoredEvent(
        "Counter",
        counter,
        version,
        type,
        1,
        Json.object(),
        NOW,
        null,
        "corr",
        "alice",
        "sample.Counting.Counter",
        Json.object().put("total", version * 10).put("last", 10),
        Counter.STREAMING.stateFingerprint());
  }

  static RowChange.Put put(String key, long total) {
    ObjectNode row = Json.object().put("id", key).put("total", total).put("note", "n" + total);
    row.putNull("gone");
    return new RowChange.Put(key, row);
  }

  /** Equal JSON, numbers compared by value: {@code 7} read back may be an int, written a long. */
  static void assertSameJson(JsonNode expected, JsonNode actual) {
    Comparator<JsonNode> byValue =
        (a, b) -> {
          if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
          }
          return a.equals(b) ? 0 : 1;
        };
    assertTrue(expected.equals(byValue, actual), "expected " + expected + " but was " + actual);
  }

  static String newKey() {
    return "k-" + UUID.randomUUID();
  }

  private final Projection totals = CounterViews.TOTALS;

  @Test
  void writesARowAndReadsItBackWithItsVersion() {
    String key = newKey();
    StoredEvent first = event(key, 1, "CounterCreated");
    assertEquals(ViewStore.Write.APPLIED, store().write(totals, first, put(key, 10)));

    ViewRow row = store().read(totals, key);
    assertEquals(Map.of(first.streamId(), 1L), row.versions());
    ObjectNode fields = row.live().orElseThrow();
    assertEquals(key, fields.path("id").asText());
    assertEquals(10, fields.path("total").asLong());
    assertFalse(fields.has("gone"), "null fields are left out");
    assertTrue(row.hasSeen(first));
  }

  @Test
  void aRedeliveredOrOlderEventChangesNothing() {
    String key = newKey();
    store().write(totals, event(key, 1, "CounterCreated"), put(key, 1));
    store().write(totals, event(key, 3, "CounterIncremented"), put(key, 3));
    ViewRow before = store().read(totals, key);

    assertEquals(
        ViewStore.Write.STALE,
        store().write(totals, event(key, 3, "CounterIncremented"), put(key, 99)));
    assertEquals(
        ViewStore.Write.STALE,
        store().write(totals, event(key, 2, "CounterIncremented"), put(key, 2)));
    assertEquals(before, store().read(totals, key));
  }

  @Test
  void aDeleteLeavesATombstoneThatAnOlderEventCannotResurrect() {
    String key = newKey();
    store().write(totals, event(key, 1, "CounterCreated"), put(key, 1));
    store().write(totals, event(key, 3, "CounterDeleted"), new RowChange.Delete(key));

    ViewRow tombstone = store().read(totals, key);
    assertTrue(tombstone.stored());
    assertTrue(tombstone.live().isEmpty());
    assertEquals(
        ViewStore.Write.STALE,
        store().write(totals, event(key, 2, "CounterIncremented"), put(key, 2)));
    assertTrue(store().read(totals, key).live().isEmpty());
    // A newer event (the counter created again) brings the row back.
    assertEquals(
        ViewStore.Write.APPLIED,
        store().write(totals, event(key, 4, "CounterCreated"), put(key, 4)));
    assertEquals(4, store().read(totals, key).live().orElseThrow().path("total").asLong());
  }

  @Test
  void aWriteAfterAReadKeepsTheVersionsOfEveryStream() {
    String key = newKey();
    String a = newKey();
    String b = newKey();
    StoredEvent fromA = event(a, 5, "CounterIncremented");
    store().write(totals, fromA, put(key, 1), store().read(totals, key));
    StoredEvent fromB = event(b, 2, "CounterIncremented");
    assertEquals(
        ViewStore.Write.APPLIED,
        store().write(totals, fromB, put(key, 2), store().read(totals, key)));

    assertEquals(Map.of(), store().read(totals, key).versions(), "kept beside the row");
    for (StoredEvent seen : List.of(fromA, fromB, event(a, 4, "CounterIncremented"))) {
      assertEquals(
          ViewStore.Write.STALE,
          store().write(totals, seen, put(key, 9), store().read(totals, key)),
          seen.streamId() + "@" + seen.version());
    }
    assertEquals(2, store().read(totals, key).live().orElseThrow().path("total").asLong());
    assertEquals(
        ViewStore.Write.APPLIED,
        store()
            .write(
                totals, event(a, 6, "CounterIncremented"), put(key, 3), store().read(totals, key)));
  }

  @Test
  void aRowCreatedAgainAfterItsItemWasRemovedStartsWithoutVersions() {
    Projection activity = CounterViews.ACTIVITY;
    String key = newKey();
    StoredEvent event = event(newKey(), 1, "CounterCreated");
    store().write(activity, event, put(key, 1), store().read(activity, key));
    store().deleteAll(activity);

    assertEquals(
        ViewStore.Write.APPLIED,
        store().write(activity, event, put(key, 1), store().read(activity, key)));
  }

  @Test
  void aRowFedByManyStreamsStaysSmall() {
    String key = newKey();
    List<StoredEvent> events = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      events.add(event(newKey(), 1 + i % 3, "CounterIncremented"));
    }
    for (StoredEvent event : events) {
      ViewRow read = store().read(totals, key);
      long total = read.live().map(row -> row.path("total").asLong()).orElse(0L);
      assertEquals(
          ViewStore.Write.APPLIED, store().write(totals, event, put(key, total + 1), read));
    }
    for (StoredEvent event : events) {
      assertEquals(
          ViewStore.Write.STALE,
          store().write(totals, event, put(key, -1), store().read(totals, key)));
    }
    ViewRow row = store().read(totals, key);
    assertEquals(200, row.live().orElseThrow().path("total").asLong());
    assertEquals(Map.of(), row.versions());
  }

  @Test
  void aWriteAfterAReadFailsWhenTheRowChangedSince() {
    String key = newKey();
    ViewRow absent = store().read(totals, key);
    assertFalse(absent.stored());
    assertNull(absent.revision());
    store().write(totals, event(newKey(), 1, "CounterCreated"), put(key, 1));
    assertEquals(
        ViewStore.Write.CHANGED,
        store().write(totals, event(newKey(), 1, "CounterCreated"), put(key, 2), absent));

    ViewRow read = store().read(totals, key);
    store().write(totals, event(newKey(), 1, "CounterCreated"), put(key, 3), read);
    assertEquals(
        ViewStore.Write.CHANGED,
        store().write(totals, event(newKey(), 1, "CounterCreated"), put(key, 4), read));
    assertEquals(3, store().read(totals, key).live().orElseThrow().path("total").asLong());
  }

  @Test
  void deleteAllRemovesRowsAndTombstones() {
    Projection activity = CounterViews.ACTIVITY;
    store().deleteAll(activity);
    String kept = newKey();
    String deleted = newKey();
    store().write(activity, event(kept, 1, "CounterCreated"), put(kept, 1));
    store().write(activity, event(deleted, 1, "CounterCreated"), new RowChange.Delete(deleted));

    assertEquals(2, store().deleteAll(activity));
    assertFalse(store().read(activity, kept).stored());
    assertFalse(store().read(activity, deleted).stored());
  }
}
