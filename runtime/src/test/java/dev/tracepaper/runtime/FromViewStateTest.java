package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A {@code from} view on moto_server never shows a state of another model version: the projector
 * (from the table's real stream records) and the rebuild fold the aggregate's events again when the
 * stored state is missing or stale. Also the issue's scenario end to end: an apply rule changed, an
 * aggregate with an older snapshot reads the new state, refuses what it refuses, and its row shows
 * it.
 */
class FromViewStateTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  /** Snapshots every 2 events, streams its state: the model before the rule changed. */
  private static final Counter V1 = new Counter(2, 0, true);

  /** The model after: increments count twice. */
  private static final Counter V2 = V1.withFactor(2);

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient dynamoDb;
  private DynamoDbClient counted;
  private DynamoDbStreamsClient streams;
  private String eventTable;
  private Map<String, String> viewTables;

  @BeforeEach
  void createTables(TestInfo test) {
    dynamoDb = MOTO.dynamoDb();
    counted = MOTO.dynamoDb(requests);
    streams = MOTO.dynamoDbStreams();
    String suffix = "state-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    eventTable = "events-" + suffix;
    MOTO.createEventStoreTable(dynamoDb, eventTable);
    viewTables = ViewTables.create(dynamoDb, suffix);
  }

  @AfterEach
  void closeClients() {
    dynamoDb.close();
    counted.close();
    streams.close();
  }

  @Test
  void aNewFromViewOverEventsStoredWithoutStateFillsCompletelyByARebuild() {
    // The model had no view kept from the counter: its events carry no state.
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(2));
    run(Counter.PLAIN, "c1", new Counter.Incremented(3));
    run(Counter.PLAIN, "c2", new Counter.Created());
    run(Counter.PLAIN, "c2", new Counter.Incremented(4));
    run(Counter.PLAIN, "c3", new Counter.Created());
    run(Counter.PLAIN, "c3", new Counter.Deleted());

    JsonNode answer = rebuild(CounterViews.TOTALS).handle(start(), () -> true);

    assertEquals("done", answer.path("status").asText(), answer.toString());
    assertEquals(3, answer.path("streams").asLong());
    assertEquals(7, answer.path("events").asLong());
    assertEquals(5, total("c1"));
    assertEquals(4, total("c2"));
    assertNull(row("c3").get("total"), "deleted");
    // Each stream is read from its first event (and once more after its cursor is raised, to find
    // nothing new): its states are folded from what was read, with no Query of its history.
    assertEquals(
        List.of(6, 0), replayAndHistoryQueries(), "two reads of each of the three streams");
  }

  @Test
  void aStreamTakenUpAfterItsCursorIsFoldedFromItsFirstEventWithOneMoreQuery() {
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(2));
    run(Counter.PLAIN, "c1", new Counter.Incremented(3));
    RebuildHandler rebuild = rebuild(CounterViews.TOTALS);
    // Out of time at once: the view is cleared, no stream replayed yet.
    JsonNode cleared = rebuild.handle(start(), () -> false);
    assertEquals("replaying", cleared.path("status").asText(), cleared.toString());
    // As the live projector leaves it when it projected the stream's first event.
    RebuildLedger ledger = ViewTables.ledger(dynamoDb, viewTables);
    ledger.raise(ledger.read("CounterTotals").orElseThrow(), "Counter#c1", 1);
    requests.reset();

    JsonNode answer =
        rebuild.handle(
            Json.object()
                .put("view", "CounterTotals")
                .put("action", "continue")
                .put("run", cleared.path("run").asText()),
            () -> true);

    assertEquals("done", answer.path("status").asText(), answer.toString());
    assertEquals(2, answer.path("events").asLong());
    assertEquals(5, total("c1"), "the state after version 3 folded from version 1 on");
    assertEquals(List.of(2, 1), replayAndHistoryQueries());
  }

  @Test
  void theLiveProjectorFoldsOldEventsWithOneQueryPerStreamAndBatch() {
    for (String key : List.of("c1", "c2")) {
      run(Counter.PLAIN, key, new Counter.Created());
      for (int by = 1; by <= 3; by++) {
        run(Counter.PLAIN, key, new Counter.Incremented(by));
      }
    }
    // A batch without the first events: the projector must read the streams.
    List<Record> tail =
        StreamDelivery.records(dynamoDb, streams, eventTable).stream()
            .filter(r -> !r.dynamodb().newImage().get("sk").n().equals("1"))
            .toList();
    requests.reset();

    JsonNode response = projector(CounterViews.TOTALS).project(StreamDelivery.lambdaEvent(tail));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(6, total("c1"));
    assertEquals(6, total("c2"));
    assertEquals(2, requests.counts().get("Query"), "one Query per stream: " + requests.counts());
  }

  @Test
  void aChangedApplyRuleReachesAggregatesWithAnOlderSnapshotAndTheirRows() {
    run(V1, "c1", new Counter.Created());
    run(V1, "c1", new Counter.Incremented(3)); // a snapshot of V1
    run(V1, "c1", new Counter.Incremented(3));
    projector(CounterViews.totals(V1))
        .project(StreamDelivery.lambdaEvent(StreamDelivery.records(dynamoDb, streams, eventTable)));
    assertEquals(6, total("c1"), "as V1 computed it");

    // V2 deployed: the same events count 12, which V2's rule refuses to increase.
    CommandError refused =
        assertThrows(
            CommandError.class,
            () ->
                new CommandRunner<>(store(), V2)
                    .run(
                        "c1",
                        Existence.EXISTING,
                        EventStoreContract.meta(null),
                        FromViewStateTest::belowTen));
    assertEquals("LIMIT_REACHED", refused.code());
    assertEquals(
        4,
        new CommandRunner<>(store(), V1)
            .run(
                "c1",
                Existence.EXISTING,
                EventStoreContract.meta(null),
                FromViewStateTest::belowTen)
            .version(),
        "the old snapshot alone would have allowed it (its event is version 4)");

    JsonNode rebuilt = rebuild(CounterViews.totals(V2)).handle(start(), () -> true);
    assertEquals("done", rebuilt.path("status").asText(), rebuilt.toString());
    assertEquals(14, total("c1"), "2 x (3 + 3 + 1), V1's stored states notwithstanding");

    // A live event of V2 after old ones in one batch: the old ones are folded again.
    run(V1, "c2", new Counter.Created());
    run(V1, "c2", new Counter.Incremented(1));
    run(V2, "c2", new Counter.Incremented(2));
    List<Record> c2 =
        StreamDelivery.records(dynamoDb, streams, eventTable).stream()
            .filter(r -> r.dynamodb().newImage().get("pk").s().equals("Counter#c2"))
            .toList();
    projector(CounterViews.totals(V2)).project(StreamDelivery.lambdaEvent(c2));
    assertEquals(6, total("c2"));
    assertEquals(
        "counter-x2",
        dynamoDb
            .getItem(r -> r.tableName(eventTable).key(key("c2", 3)))
            .item()
            .get("stateFingerprint")
            .s());
  }

  private static List<Counter.Event> belowTen(Counter.State state) {
    if (state.total() >= 10) {
      throw CommandError.rule("LIMIT_REACHED", "the counter reached 10");
    }
    return List.of(new Counter.Incremented(1));
  }

  private static Map<String, AttributeValue> key(String key, long version) {
    return Map.of(
        "pk",
        AttributeValue.fromS("Counter#" + key),
        "sk",
        AttributeValue.fromN(Long.toString(version)));
  }

  private DynamoDbEventStore store() {
    return new DynamoDbEventStore(dynamoDb, eventTable);
  }

  private void run(Counter type, String key, Counter.Event event) {
    new CommandRunner<>(store(), type)
        .run(
            key,
            event instanceof Counter.Created ? Existence.NEW : Existence.EXISTING,
            EventStoreContract.meta(null),
            state -> List.of(event));
  }

  private ProjectorHandler projector(Projection view) {
    return new ProjectorHandler(
        viewStore(),
        new DynamoDbEventStore(counted, eventTable),
        ViewTables.ledger(dynamoDb, viewTables),
        List.of(view));
  }

  private DynamoDbViewStore viewStore() {
    return ViewTables.store(
        dynamoDb, viewTables, Clock.fixed(ViewStoreContract.NOW, ZoneOffset.UTC));
  }

  /** A rebuild that reads the event store through the counted client. */
  private RebuildHandler rebuild(Projection view) {
    return new RebuildHandler(
        counted,
        eventTable,
        viewStore(),
        ViewTables.ledger(dynamoDb, viewTables),
        List.of(view),
        Clock.systemUTC(),
        Duration.ZERO);
  }

  private static JsonNode start() {
    return Json.object().put("view", "CounterTotals");
  }

  /**
   * The Queries of the event store: the rebuild's reads of a stream after its cursor, and the reads
   * of a stream's history to fold it again.
   */
  private List<Integer> replayAndHistoryQueries() {
    List<QueryRequest> queries = requests.requests(QueryRequest.class);
    int replay = 0;
    int history = 0;
    for (QueryRequest query : queries) {
      if (query.keyConditionExpression().equals("pk = :pk AND sk > :after")) {
        replay++;
      } else if (query.keyConditionExpression().equals("pk = :pk AND sk <= :to")) {
        history++;
      }
    }
    assertEquals(queries.size(), replay + history, "no other Query: " + queries);
    return List.of(replay, history);
  }

  private Map<String, AttributeValue> row(String key) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(ViewTables.live(dynamoDb, viewTables, CounterViews.TOTALS))
                    .key(Map.of("id", AttributeValue.fromS(key))))
        .item();
  }

  private long total(String key) {
    return Long.parseLong(row(key).get("total").n());
  }
}
