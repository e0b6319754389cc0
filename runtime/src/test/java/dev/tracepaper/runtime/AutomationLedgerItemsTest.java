package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.automation.DynamoDbLedger;
import org.junit.jupiter.api.Test;

/** The automations' ledger items share the event store's table but are no event stream. */
class AutomationLedgerItemsTest {

  @Test
  void theRebuildAndTheRepublisherPassOverLedgerItems() {
    String pk = DynamoDbLedger.key("WelcomeMember", "Membership#m1:1").get("pk").s();

    assertTrue(pk.startsWith(DynamoDbLedger.PREFIX), pk);
    assertFalse(EventItems.isEventStream(pk));
    assertTrue(EventItems.isEventStream("Membership#m1"));
  }
}
