package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.InMemoryViewStore;

/** Events changing several rows, in the in-memory store the generated tests use. */
class MultiRowProjectionTest extends MultiRowProjectionContract {

  private final InMemoryViewStore store = new InMemoryViewStore();

  @Override
  ViewStore store() {
    return store;
  }
}
