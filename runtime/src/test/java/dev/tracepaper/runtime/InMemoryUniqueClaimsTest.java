package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.InMemoryEventStore;
import java.util.Optional;

class InMemoryUniqueClaimsTest extends UniqueClaimsContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  EventStore store() {
    return store;
  }

  @Override
  Optional<String> holder(Account account, UniqueConstraint.Claim claim) {
    return store.holder(claim);
  }
}
