package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How stored events of older names and versions read: the upcast every read path runs. */
class EventVersionsTest {

  @Test
  void anEventOfTheCurrentNameAndVersionReadsAsStored() {
    StoredEvent stored = event("CounterIncremented", 2, Json.object().put("by", 3));
    assertSame(stored, UpcastingCounter.VERSION_2.upcast(stored));
  }

  @Test
  void anOlderVersionUnderItsOldNameIsUpcastToTheCurrentOneAndTheStoredEventStaysAsItWas() {
    ObjectNode payload = Json.object().put("amount", 4);
    StoredEvent stored = event("CounterBumped", 1, payload);

    StoredEvent current = UpcastingCounter.VERSION_2.upcast(stored);

    assertEquals("CounterIncremented", current.type());
    assertEquals(2, current.schemaVersion());
    assertEquals(Json.object().put("by", 4), current.payload());
    assertEquals(stored.version(), current.version());
    assertEquals(stored.timestamp(), current.timestamp());
    assertEquals(Json.object().put("amount", 4), stored.payload());
    assertEquals(new Counter.Incremented(4), UpcastingCounter.VERSION_2.readEvent(stored));
  }

  @Test
  void aVersionNewerThanTheCodeFailsAndSaysSo() {
    StoredEvent stored = event("CounterIncremented", 3, Json.object().put("by", 3));
    UnreadableEventException e =
        assertThrows(
            UnreadableEventException.class, () -> UpcastingCounter.VERSION_2.upcast(stored));
    assertEquals(
        "Counter#c1@5: CounterIncremented version 3 was stored by a newer model; this code reads"
            + " up to version 2 (deploy the newer code again)",
        e.getMessage());
  }

  @Test
  void anUnknownTypeFailsAndSaysSo() {
    StoredEvent stored = event("CounterReset", 1, Json.object());
    UnreadableEventException e =
        assertThrows(
            UnreadableEventException.class, () -> UpcastingCounter.VERSION_2.readEvent(stored));
    assertTrue(
        e.getMessage().startsWith("Counter#c1@5: no event of Counter is called CounterReset"));
  }

  @Test
  void aVersionBelowOneIsNoVersion() {
    StoredEvent stored = event("CounterCreated", 0, Json.object());
    assertThrows(UnreadableEventException.class, () -> UpcastingCounter.VERSION_2.upcast(stored));
  }

  @Test
  void anUpcasterOfTheAppDispatchesByAggregateAndRefusesOthers() {
    EventUpcaster upcaster = EventUpcaster.of(java.util.List.of(UpcastingCounter.VERSION_2));
    assertEquals(
        "CounterIncremented",
        upcaster.upcast(event("CounterBumped", 1, Json.object().put("amount", 1))).type());
    StoredEvent other =
        new StoredEvent(
            "Book",
            "b1",
            1,
            "BookAdded",
            1,
            Json.object(),
            EventStoreContract.NOW,
            null,
            "corr",
            "alice",
            "sample.Library.Book");
    assertThrows(UnreadableEventException.class, () -> upcaster.upcast(other));
  }

  static StoredEvent event(String type, int schemaVersion, ObjectNode payload) {
    return new StoredEvent(
        "Counter",
        "c1",
        5,
        type,
        schemaVersion,
        payload,
        EventStoreContract.NOW,
        null,
        "corr",
        "alice",
        "sample.Counting.Counter");
  }
}
