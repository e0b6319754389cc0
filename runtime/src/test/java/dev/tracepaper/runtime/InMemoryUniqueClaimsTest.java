package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.InMemoryEventStore;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryUniqueClaimsTest extends UniqueClaimsContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  EventStore store() {
    return store;
  }

  /** A test's {@code others}: an instance seeded as it stands holds its values. */
  @Test
  void aSeededInstanceHoldsItsValues() {
    String email = address();
    store.seed(Account.UNIQUE, "other-1", new Account.State(email));

    assertEquals("EMAIL_TAKEN", refused(() -> open(key(), email)).code());
    assertEquals(Optional.of("Account#other-1"), holder(Account.UNIQUE, Account.claimOf(email)));
    IllegalStateException clash =
        assertThrows(
            IllegalStateException.class,
            () -> store.seed(Account.UNIQUE, "other-2", new Account.State(email.toUpperCase())));
    assertTrue(clash.getMessage().contains("Account#other-1"), clash.getMessage());
  }

  @Override
  Optional<String> holder(Account account, UniqueConstraint.Claim claim) {
    return store.holder(claim);
  }
}
