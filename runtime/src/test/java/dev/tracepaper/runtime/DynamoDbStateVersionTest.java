package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Snapshots and states of another model version in the DynamoDB event store on moto_server: the
 * shared contract, plus the items' attribute, items written before states carried one, the cost of
 * a load past a stale snapshot, and a stream whose oldest events expired.
 */
class DynamoDbStateVersionTest extends StateVersionContract {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String TABLE = "events-state-version-test";
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

  private Map<String, AttributeValue> item(String key, long version) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(TABLE)
                    .key(
                        Map.of(
                            "pk",
                            EventItems.s(StoredEvent.streamId("Counter", key)),
                            "sk",
                            EventItems.n(version))))
        .item();
  }

  @Test
  void snapshotsAndStreamedStatesCarryTheModelsFingerprint() {
    String key = sixByV1();
    assertEquals("counter-x1", item(key, 2).get("stateFingerprint").s(), "with the snapshot");
    assertNull(item(key, 1).get("stateFingerprint"), "no snapshot, no state: no fingerprint");

    String streamed = newKey();
    run(Counter.STREAMING, streamed, new Counter.Created());
    Map<String, AttributeValue> event = item(streamed, 1);
    assertEquals("{\"total\":0,\"last\":0}", event.get("state").s());
    assertEquals(Counter.STREAMING.stateFingerprint(), event.get("stateFingerprint").s());
  }

  /** Items of a runtime before states were versioned have no fingerprint: stale for every model. */
  @Test
  void aSnapshotWithoutAFingerprintIsStale() {
    String key = sixByV1();
    // As an earlier runtime wrote it, and wrong, so that reading it would show.
    dynamoDb.updateItem(
        r ->
            r.tableName(TABLE)
                .key(Map.of("pk", item(key, 2).get("pk"), "sk", EventItems.n(2)))
                .updateExpression("REMOVE stateFingerprint SET #snapshot = :wrong")
                .expressionAttributeNames(Map.of("#snapshot", "snapshot"))
                .expressionAttributeValues(
                    Map.of(":wrong", EventItems.s("{\"total\":1000,\"last\":0}"))));

    Loaded<Counter.State> loaded = store.load(V1, key);

    assertEquals(new Counter.State(6, 3), loaded.state());
    assertTrue(loaded.staleSnapshot());
  }

  @Test
  void aLoadPastAStaleSnapshotReadsTheRestOfTheStreamInLargePages() {
    Counter old = new Counter(5, 0);
    String key = newKey();
    run(old, key, new Counter.Created());
    for (int i = 0; i < 19; i++) {
      run(old, key, new Counter.Incremented(1)); // snapshots at 5, 10, 15, 20
    }
    Counter current = new Counter(5, 0).withFactor(2);
    REQUESTS.reset();

    Loaded<Counter.State> loaded = store.load(current, key);

    assertEquals(new Counter.State(38, 1), loaded.state());
    assertEquals(
        Map.of("Query", 2),
        REQUESTS.counts(),
        "the first page of snapshotEvery items, then the rest in one page, not 5 at a time");
    run(current, key, new Counter.Incremented(1));
    REQUESTS.reset();
    assertEquals(new Counter.State(40, 1), store.load(current, key).state());
    assertEquals(Map.of("Query", 1), REQUESTS.counts(), "the fresh snapshot heals it");
  }

  /**
   * With eventRetentionDays the oldest events may be gone: folding what is left would lose them, so
   * the stale snapshot is the base, the events above it folded with the current rules.
   */
  @Test
  void whenTheEventsBelowAStaleSnapshotExpiredItIsTheBase() {
    String key = sixByV1();
    dynamoDb.deleteItem(
        r -> r.tableName(TABLE).key(Map.of("pk", item(key, 1).get("pk"), "sk", EventItems.n(1))));

    Loaded<Counter.State> loaded = store.load(V2, key);

    assertEquals(new Counter.State(9, 3), loaded.state(), "3 from the snapshot, then 2 x 3");
    assertEquals(2, loaded.base());
    assertTrue(loaded.staleSnapshot(), "the next command writes a snapshot of V2");
    run(V2, key, new Counter.Incremented(1));
    Loaded<Counter.State> healed = store.load(V2, key);
    assertEquals(new Counter.State(11, 1), healed.state());
    assertFalse(healed.staleSnapshot());
  }
}
