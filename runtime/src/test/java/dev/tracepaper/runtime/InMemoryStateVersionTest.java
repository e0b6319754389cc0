package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.InMemoryEventStore;

class InMemoryStateVersionTest extends StateVersionContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  EventStore store() {
    return store;
  }
}
