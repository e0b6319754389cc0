package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** The DynamoDB event store against moto_server: the shared contract, plus cost and layout. */
class DynamoDbEventStoreTest extends EventStoreContract {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String TABLE = "events-store-test";
  private static final RequestCounter REQUESTS = new RequestCounter();
  private static DynamoDbClient dynamoDb;
  private static DynamoDbEventStore store;

  @BeforeAll
  static void createTable() {
    dynamoDb = MOTO.dynamoDb(REQUESTS);
    MOTO.createEventStoreTable(dynamoDb, TABLE);
    store = new DynamoDbEventStore(dynamoDb, TABLE);
  }

  @AfterAll
  static void closeClient() {
    dynamoDb.close();
  }

  @BeforeEach
  void resetCounts() {
    REQUESTS.reset();
  }

  @Override
  EventStore store() {
    return store;
  }

  @Test
  void aCommandCostsTwoRequests() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 1, null);
    REQUESTS.reset();

    increment(Counter.PLAIN, key, 1, "two-requests-" + key);

    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
  }

  @Test
  void concurrentCommandsConflictAndRetry() throws Exception {
    String key = newKey();
    create(key);
    REQUESTS.reset();

    long succeeded = incrementConcurrently(key, 20);

    int transactions = REQUESTS.counts().get("TransactWriteItems");
    assertTrue(transactions > succeeded, "the commands raced: " + REQUESTS.counts());
    assertEquals(1 + succeeded, store.load(Counter.PLAIN, key).version());
  }

  @Test
  void eachTransactionCarriesItsOwnIdempotencyToken() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 1, null);

    List<String> tokens =
        REQUESTS.requests(TransactWriteItemsRequest.class).stream()
            .map(TransactWriteItemsRequest::clientRequestToken)
            .toList();
    assertEquals(2, tokens.size());
    assertEquals(2, new HashSet<>(tokens).size(), "distinct tokens: " + tokens);
    assertTrue(tokens.stream().allMatch(token -> token != null && !token.isBlank()));
  }

  @Test
  void aDuplicateIsToldFromTheCancellationWithoutAnotherRead() {
    String key = newKey();
    create(key);
    String commandId = "dup-" + key;
    CommandResult first = increment(Counter.PLAIN, key, 1, commandId);
    REQUESTS.reset();

    CommandResult retried = increment(Counter.PLAIN, key, 1, commandId);

    assertEquals(first, retried);
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
  }

  @Test
  void aReusedCommandIdIsToldFromTheCancellationWithoutAnotherRead() {
    String key = newKey();
    create(key);
    String id = "reused-" + key;
    increment(key, 1, incrementId(id, "alice", "incrementCounter", 1), NOW);
    REQUESTS.reset();

    CommandError e =
        assertThrows(
            CommandError.class,
            () -> increment(key, 2, incrementId(id, "alice", "incrementCounter", 2), NOW));

    assertEquals(CommandError.COMMAND_ID_REUSED, e.code());
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
  }

  /** An expired record that TTL has not deleted yet is replaced by the new command's record. */
  @Test
  void anExpiredIdempotencyItemIsReplaced() {
    String key = newKey();
    create(key);
    CommandId id = incrementId("expired-" + key, "alice", "incrementCounter", 1);
    increment(key, 1, id, NOW);
    Instant later = NOW.plus(CommandId.LIFETIME).plusSeconds(5);
    REQUESTS.reset();

    CommandResult again = increment(key, 1, id, later);

    assertEquals(3, again.version());
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
    Map<String, AttributeValue> item =
        dynamoDb.getItem(r -> r.tableName(TABLE).key(EventItems.commandKey(id))).item();
    assertEquals(
        Long.toString(later.plus(CommandId.LIFETIME).getEpochSecond()),
        item.get(EventItems.EXPIRES_AT).n());
  }

  @Test
  void idempotencyItemsHoldTheDocumentedAttributes() {
    String key = newKey();
    CommandId id = incrementId("layout-" + key, "alice", "incrementCounter", 4);
    create(key);
    increment(key, 4, id, NOW);

    Map<String, AttributeValue> item =
        dynamoDb.getItem(r -> r.tableName(TABLE).key(EventItems.commandKey(id))).item();
    assertEquals("Command#" + id.key(), item.get("pk").s());
    assertEquals("0", item.get("sk").n());
    assertEquals("layout-" + key, item.get("commandId").s());
    assertEquals("u-alice", item.get("user").s());
    assertEquals(id.fingerprint(), item.get("fingerprint").s());
    assertEquals("Counter#" + key, item.get("stream").s());
    assertEquals(
        new CommandResult(key, 2, List.of("CounterIncremented")),
        CommandResult.fromJson(Json.parse(item.get("result").s())));
    assertEquals(
        Long.toString(NOW.plus(Duration.ofHours(24)).getEpochSecond()), item.get("expiresAt").n());
    assertFalse(EventItems.isEvent(item));
  }

  @Test
  void aSnapshotLoadIsOneQuery() {
    Counter snapshotting = new Counter(5, 0);
    String key = newKey();
    create(key);
    for (int by = 1; by <= 23; by++) {
      increment(snapshotting, key, by, null);
    }
    REQUESTS.reset();

    Loaded<Counter.State> loaded = store.load(snapshotting, key);

    assertEquals(Map.of("Query", 1), REQUESTS.counts());
    assertEquals(replay(snapshotting, key), loaded.state());
    assertEquals(24, loaded.version());
    long snapshots =
        scan(key).stream().filter(item -> item.containsKey(EventItems.SNAPSHOT)).count();
    assertEquals(4, snapshots, "snapshots at versions 5, 10, 15, 20");
    assertTrue(loaded.base() >= 20);
  }

  @Test
  void eventsOfAnAggregateWithRetentionExpire() {
    Counter expiring = new Counter(0, 30);
    String key = newKey();
    runner(expiring)
        .run(key, Existence.NEW, meta("ttl-" + key), state -> List.of(new Counter.Created()));

    long expected = NOW.plus(Duration.ofDays(30)).getEpochSecond();
    List<Map<String, AttributeValue>> items = scan(key);
    assertEquals(1, items.size());
    assertEquals(Long.toString(expected), items.get(0).get(EventItems.EXPIRES_AT).n());
    // The idempotency item has its own lifetime, whatever the events' retention.
    CommandId id = meta("ttl-" + key).commandId();
    Map<String, AttributeValue> command =
        dynamoDb.getItem(r -> r.tableName(TABLE).key(EventItems.commandKey(id))).item();
    assertEquals(
        Long.toString(NOW.plus(CommandId.LIFETIME).getEpochSecond()),
        command.get(EventItems.EXPIRES_AT).n());
  }

  @Test
  void eventItemsHoldTheDocumentedAttributes() {
    String key = newKey();
    runner(Counter.PLAIN)
        .run(key, Existence.NEW, meta("layout-" + key), state -> List.of(new Counter.Created()));

    Map<String, AttributeValue> item = scan(key).get(0);
    assertEquals("Counter#" + key, item.get("pk").s());
    assertEquals("1", item.get("sk").n());
    assertEquals("CounterCreated", item.get("type").s());
    assertEquals("1", item.get("schemaVersion").n());
    assertEquals("{}", item.get("payload").s());
    assertEquals(NOW.toString(), item.get("timestamp").s());
    assertEquals("layout-" + key, item.get("commandId").s());
    assertTrue(item.get("correlationId").s().startsWith("corr-"));
    assertEquals("u-alice", item.get("user").s());
    assertEquals("sample.Counting.Counter", item.get("source").s());
    assertNull(item.get(EventItems.EXPIRES_AT));
    assertFalse(item.containsKey(EventItems.SNAPSHOT));
  }

  @Test
  void anAppendAfterAnotherTransactionConflicts() {
    String key = newKey();
    create(key);
    Loaded<Counter.State> stale = store.load(Counter.PLAIN, key);
    increment(Counter.PLAIN, key, 1, null);

    AppendOutcome outcome =
        store.append(Counter.PLAIN, stale, List.of(new Counter.Incremented(1)), meta("c-" + key));

    assertInstanceOf(AppendOutcome.Conflict.class, outcome);
  }

  private static List<Map<String, AttributeValue>> scan(String key) {
    return dynamoDb
        .query(
            r ->
                r.tableName(TABLE)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS("Counter#" + key))))
        .items();
  }
}
