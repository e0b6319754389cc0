package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The read side end to end on moto_server: commands append events carrying their state, the
 * event-store stream's records go through the projector, and the rows are read back the ways the
 * generated resolvers read them (GetItem, Query on an index, paged Scan).
 */
class ProjectorHandlerTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient dynamoDb;
  private DynamoDbClient viewClient;
  private DynamoDbStreamsClient streams;
  private String eventTable;
  private Map<String, String> viewTables;
  private CommandRunner<Counter.State, Counter.Event> runner;
  private ProjectorHandler projector;

  @BeforeEach
  void createTables(TestInfo test) {
    dynamoDb = MOTO.dynamoDb();
    viewClient = MOTO.dynamoDb(requests);
    streams = MOTO.dynamoDbStreams();
    String suffix = test.getTestMethod().orElseThrow().getName().toLowerCase();
    eventTable = "events-" + suffix;
    MOTO.createEventStoreTable(dynamoDb, eventTable);
    viewTables = ViewTables.create(dynamoDb, suffix);
    runner = new CommandRunner<>(new DynamoDbEventStore(dynamoDb, eventTable), Counter.STREAMING);
    projector = new ProjectorHandler(viewStore(), CounterViews.ALL);
  }

  @AfterEach
  void closeClients() {
    dynamoDb.close();
    viewClient.close();
    streams.close();
  }

  @Test
  void projectsEachEventWithOneWritePerRowOfAFromView() {
    run("c1", new Counter.Created());
    run("c1", new Counter.Incremented(3));
    run("c2", new Counter.Created());
    run("c2", new Counter.Incremented(4));
    run("c2", new Counter.Incremented(1));
    Map<String, AttributeValue> stored = eventItem("c1", 2);
    assertEquals("{\"total\":3,\"last\":3}", stored.get("state").s(), "the state after the event");

    JsonNode records = StreamDelivery.lambdaEvent(records());
    assertEquals(0, invoke(records).path("batchItemFailures").size());

    // Per event: TOTALS one PutItem (no read); ACTIVITY one GetItem and one transaction of the
    // row and its stream's version.
    assertEquals(Map.of("GetItem", 5, "PutItem", 5, "TransactWriteItems", 5), requests.counts());
    Map<String, AttributeValue> c2 = row(CounterViews.TOTALS, "c2");
    assertEquals("5", c2.get("total").n());
    assertEquals("1", c2.get("last").n());
    assertEquals("odd", c2.get("parity").s());
    assertEquals(List.of("c2", "c1"), keysOfOddCountersNewestTotalFirst());
    List<String> paged = scanAll(tableOf(CounterViews.TOTALS), 1);
    assertEquals(List.of("c1", "c2"), paged.stream().sorted().toList());
    Map<String, AttributeValue> increments = row(CounterViews.ACTIVITY, "CounterIncremented");
    assertEquals("3", increments.get("count").n());
    assertFalse(increments.containsKey("_versions"), "the versions are kept beside the row");
    String incarnation = increments.get("_incarnation").s();
    Map<String, String> versions = new java.util.TreeMap<>();
    dynamoDb
        .query(
            q ->
                q.tableName(viewTables.get(ViewTables.BOOKKEEPING))
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(
                        Map.of(":pk", AttributeValue.fromS("CounterActivity/" + incarnation))))
        .items()
        .forEach(item -> versions.put(item.get("sk").s(), item.get("version").n()));
    assertEquals(Map.of("Counter#c1", "2", "Counter#c2", "3"), versions, "one per stream");
  }

  @Test
  void aRedeliveredOrOlderRecordChangesNothing() {
    run("c1", new Counter.Created());
    run("c1", new Counter.Incremented(3));
    run("c1", new Counter.Incremented(4));
    List<Record> records = records();
    invoke(StreamDelivery.lambdaEvent(records));
    Map<String, AttributeValue> totals = row(CounterViews.TOTALS, "c1");
    Map<String, AttributeValue> activity = row(CounterViews.ACTIVITY, "CounterIncremented");

    requests.reset();
    invoke(StreamDelivery.lambdaEvent(records));
    // TOTALS: the conditional PutItem fails; ACTIVITY: the transaction is refused on the stream's
    // version.
    assertEquals(Map.of("GetItem", 3, "PutItem", 3, "TransactWriteItems", 3), requests.counts());
    invoke(StreamDelivery.lambdaEvent(records.subList(1, 2)));
    assertEquals(totals, row(CounterViews.TOTALS, "c1"));
    assertEquals(activity, row(CounterViews.ACTIVITY, "CounterIncremented"));
    assertEquals("7", totals.get("total").n());
  }

  @Test
  void aDeleteLeavesATombstoneThatALateOlderEventDoesNotResurrect() {
    run("c1", new Counter.Created());
    run("c1", new Counter.Incremented(3));
    run("c1", new Counter.Deleted());
    assertEquals("{\"total\":3,\"last\":3}", eventItem("c1", 3).get("state").s(), "not reset");
    List<Record> records = records();
    invoke(StreamDelivery.lambdaEvent(List.of(records.get(0), records.get(2))));
    invoke(StreamDelivery.lambdaEvent(List.of(records.get(1))));

    Map<String, AttributeValue> tombstone = row(CounterViews.TOTALS, "c1");
    assertEquals(true, tombstone.get("_deleted").bool());
    assertFalse(tombstone.containsKey("total"));
    assertEquals(List.of("c1"), scanAll(tableOf(CounterViews.TOTALS), 10), "an item, not a row");
  }

  @Test
  void aRebuildGivesTheSameRows() {
    for (String key : List.of("c1", "c2", "c3")) {
      run(key, new Counter.Created());
      run(key, new Counter.Incremented(key.length()));
    }
    run("c3", new Counter.Deleted());
    invoke(StreamDelivery.lambdaEvent(records()));
    Map<String, Map<String, AttributeValue>> before = fields(CounterViews.TOTALS, "c1", "c2", "c3");
    Map<String, Map<String, AttributeValue>> activity =
        fields(CounterViews.ACTIVITY, "CounterCreated", "CounterIncremented", "CounterDeleted");

    RebuildHandler rebuild =
        new RebuildHandler(
            dynamoDb,
            eventTable,
            viewStore(),
            ViewTables.ledger(dynamoDb, viewTables),
            CounterViews.ALL,
            Clock.systemUTC(),
            Duration.ZERO);
    JsonNode answer = rebuild.handle(Json.object().put("view", "CounterTotals"), () -> true);
    assertEquals("done", answer.path("status").asText());
    assertEquals(7, answer.path("events").asLong());
    assertEquals(0, answer.path("rowsCleared").asLong(), "the green table was empty");
    assertEquals(3, answer.path("oldRowsDeleted").asLong(), "two rows and a tombstone");
    assertEquals("green", answer.path("live").asText());
    JsonNode activityAnswer =
        rebuild.handle(Json.object().put("view", "CounterActivity"), () -> true);
    assertEquals(7, activityAnswer.path("events").asLong());

    assertEquals(before, fields(CounterViews.TOTALS, "c1", "c2", "c3"));
    assertEquals(
        activity,
        fields(CounterViews.ACTIVITY, "CounterCreated", "CounterIncremented", "CounterDeleted"));
  }

  private void run(String key, Counter.Event event) {
    runner.run(
        key,
        event instanceof Counter.Created ? Existence.NEW : Existence.EXISTING,
        EventStoreContract.meta(null),
        state -> List.of(event));
  }

  private DynamoDbViewStore viewStore() {
    return ViewTables.store(
        viewClient, viewTables, Clock.fixed(ViewStoreContract.NOW, ZoneOffset.UTC));
  }

  private List<Record> records() {
    return StreamDelivery.records(dynamoDb, streams, eventTable);
  }

  private JsonNode invoke(JsonNode streamEvent) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = Json.write(streamEvent).getBytes(StandardCharsets.UTF_8);
    projector.handleRequest(new ByteArrayInputStream(in), out, null);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  private Map<String, AttributeValue> eventItem(String key, long version) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(eventTable)
                    .key(
                        Map.of(
                            "pk", AttributeValue.fromS("Counter#" + key),
                            "sk", AttributeValue.fromN(Long.toString(version)))))
        .item();
  }

  /** A row as the GetItem resolver reads it. */
  private Map<String, AttributeValue> row(Projection view, String key) {
    return dynamoDb
        .getItem(
            r -> r.tableName(tableOf(view)).key(Map.of(view.keyField(), AttributeValue.fromS(key))))
        .item();
  }

  /** Rows without {@code _revision}, which every write renews, and {@code _incarnation}. */
  private Map<String, Map<String, AttributeValue>> fields(Projection view, String... keys) {
    Map<String, Map<String, AttributeValue>> rows = new TreeMap<>();
    for (String key : keys) {
      Map<String, AttributeValue> row = new HashMap<>(row(view, key));
      row.remove(DynamoDbViewStore.REVISION);
      row.remove(DynamoDbViewStore.INCARNATION);
      rows.put(key, row);
    }
    return rows;
  }

  /**
   * As the query resolver of {@code {index: parity, sort: total}} reads: newest (highest) first.
   */
  private List<String> keysOfOddCountersNewestTotalFirst() {
    return dynamoDb
        .query(
            r ->
                r.tableName(tableOf(CounterViews.TOTALS))
                    .indexName("byParity")
                    .keyConditionExpression("parity = :parity")
                    .expressionAttributeValues(Map.of(":parity", AttributeValue.fromS("odd")))
                    .scanIndexForward(false))
        .items()
        .stream()
        .map(item -> item.get("id").s())
        .toList();
  }

  /** As the list resolver reads: pages of {@code limit} rows, each from the last key before. */
  private List<String> scanAll(String table, int limit) {
    List<String> keys = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          dynamoDb.scan(r -> r.tableName(table).limit(limit).exclusiveStartKey(from));
      assertTrue(page.items().size() <= limit);
      page.items().forEach(item -> keys.add(item.get("id").s()));
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return keys;
  }

  /** The table readers of {@code view} read. */
  private String tableOf(Projection view) {
    return ViewTables.live(dynamoDb, viewTables, view);
  }
}
