package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.InMemoryViewStore;

/** The view store contract, in memory. */
class InMemoryViewStoreTest extends ViewStoreContract {

  private final InMemoryViewStore store = new InMemoryViewStore();

  @Override
  ViewStore store() {
    return store;
  }
}
