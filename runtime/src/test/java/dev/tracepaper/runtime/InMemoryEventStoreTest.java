package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracepaper.runtime.testing.InMemoryEventStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest extends EventStoreContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  EventStore store() {
    return store;
  }

  @Test
  void readsEventsBackAsTheAggregatesTypes() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 4, null);

    assertEquals(
        List.of(new Counter.Created(), new Counter.Incremented(4)),
        store.events(Counter.PLAIN, key));
  }
}
