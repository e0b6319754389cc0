package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Unique claims in the DynamoDB event store against moto_server: the contract, and the layout. */
class DynamoDbUniqueClaimsTest extends UniqueClaimsContract {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String TABLE = "unique-claims-test";
  private static DynamoDbClient dynamoDb;
  private static DynamoDbEventStore store;

  @BeforeAll
  static void createTable() {
    dynamoDb = MOTO.dynamoDb();
    MOTO.createEventStoreTable(dynamoDb, TABLE);
    store = new DynamoDbEventStore(dynamoDb, TABLE);
  }

  @AfterAll
  static void closeClient() {
    dynamoDb.close();
  }

  @Override
  EventStore store() {
    return store;
  }

  @Override
  Optional<String> holder(Account account, UniqueConstraint.Claim claim) {
    Map<String, AttributeValue> item = item(account, claim);
    return item.isEmpty() ? Optional.empty() : Optional.of(item.get(ClaimItems.OWNER).s());
  }

  private static Map<String, AttributeValue> item(Account account, UniqueConstraint.Claim claim) {
    return dynamoDb
        .getItem(
            request ->
                request
                    .tableName(TABLE)
                    .key(ClaimItems.key(account.name(), claim))
                    .consistentRead(true))
        .item();
  }

  @Test
  void claimItemsHoldTheDocumentedAttributesAndAreNoEventStream() {
    String email = address();
    String key = key();
    open(key, "Ada." + email);

    Map<String, AttributeValue> item = item(Account.UNIQUE, Account.claimOf("ada." + email));

    String pk = item.get(EventItems.PK).s();
    assertTrue(pk.matches("unique:Account:email:[0-9a-f]{64}"), pk);
    assertEquals("0", item.get(EventItems.SK).n());
    assertEquals("Account#" + key, item.get(ClaimItems.OWNER).s());
    assertEquals("email", item.get(ClaimItems.CONSTRAINT).s());
    assertEquals("[\"ada." + email + "\"]", item.get(ClaimItems.VALUE).s());
    assertEquals(NOW.toString(), item.get(EventItems.TIMESTAMP).s());
    assertFalse(item.containsKey(EventItems.EXPIRES_AT));
    assertFalse(EventItems.isEvent(item));
    assertFalse(EventItems.isEventStream(pk));
  }

  @Test
  void theClaimOfAnAggregateWithRetentionExpiresWithItsNewestEvent() {
    String email = address();
    String key = key();
    run(Account.RETAINED, key, Existence.NEW, new Account.Opened(email), NOW);
    run(
        Account.RETAINED,
        key,
        Existence.EXISTING,
        new Account.EmailChanged(email),
        NOW.plusSeconds(86_400));

    assertEquals(
        Long.toString(NOW.plusSeconds(366L * 86_400).getEpochSecond()),
        item(Account.RETAINED, Account.claimOf(email)).get(EventItems.EXPIRES_AT).n());
  }
}
