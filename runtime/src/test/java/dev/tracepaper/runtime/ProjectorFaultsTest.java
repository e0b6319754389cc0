package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The projector when DynamoDB fails under it or an event cannot be projected, on moto_server: the
 * records of the event store's real stream go through the handler as the event source mapping of
 * the generated {@code template.yaml} delivers them ({@link StreamMapping}), and the view tables
 * end equal to a replay of the store ({@link ViewReplay}).
 */
class ProjectorFaultsTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private final Faults faults = new Faults();
  private DynamoDbClient dynamoDb;
  private DynamoDbClient viewClient;
  private DynamoDbStreamsClient streams;
  private String eventTable;
  private Map<String, String> viewTables;
  private CommandRunner<Counter.State, Counter.Event> runner;
  private DynamoDbViewStore viewStore;
  private ProjectorHandler projector;

  @BeforeEach
  void createTables(TestInfo test) {
    dynamoDb = MOTO.dynamoDb();
    viewClient = MOTO.dynamoDb(faults);
    streams = MOTO.dynamoDbStreams();
    String suffix = "faults-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    eventTable = "events-" + suffix;
    MOTO.createEventStoreTable(dynamoDb, eventTable);
    viewTables = ViewTables.create(dynamoDb, suffix);
    runner = new CommandRunner<>(new DynamoDbEventStore(dynamoDb, eventTable), Counter.STREAMING);
    viewStore = ViewTables.store(viewClient, viewTables, Clock.systemUTC());
    projector =
        new ProjectorHandler(
            viewStore, new DynamoDbEventStore(dynamoDb, eventTable), CounterViews.ALL);
  }

  @AfterEach
  void closeClients() {
    dynamoDb.close();
    viewClient.close();
    streams.close();
  }

  /**
   * A write that took effect but whose answer was lost, and a read that never left: each fails the
   * record, the handler names it, the redelivery applies it once (no count goes up twice).
   */
  @Test
  void aFailedRecordIsReportedRetriedAndTheViewsConverge() {
    runSomeCommands();
    List<Record> records = StreamDelivery.records(dynamoDb, streams, eventTable);
    // Per event: a PutItem into CounterTotals, a GetItem and a transaction of the CounterActivity
    // row and its stream's version. The second transaction is the second event's; the third
    // GetItem, the third event's.
    faults.failCall("TransactWriteItems", 2, Faults.Point.AFTER_ANSWER, Integer.MAX_VALUE);
    faults.failCall("GetItem", 3, Faults.Point.BEFORE_SENDING, Integer.MAX_VALUE);

    JsonNode first = invoke(StreamDelivery.lambdaEvent(records));
    assertEquals(
        List.of(records.get(1).dynamodb().sequenceNumber()),
        first.path("batchItemFailures").findValuesAsText("itemIdentifier"),
        "the record of the failed write, and no other");

    StreamMapping mapping = StreamMapping.ofProjector();
    List<List<Record>> dead = new ArrayList<>();
    mapping.deliver(records.subList(1, records.size()), this::invoke, dead::add);

    assertTrue(faults.allUsed());
    assertEquals(List.of(), dead);
    assertEquals(3, mapping.invocations(), "failed at the GetItem, then succeeded");
    ViewReplay replay = ViewReplay.of(dynamoDb, List.of(eventTable), CounterViews.ALL);
    assertEquals(List.of(), replay.failed());
    assertViewsEqual(replay);
    Map<String, ObjectNode> activity = stored(CounterViews.ACTIVITY);
    assertEquals(3, activity.get("CounterCreated").path("count").asLong());
    assertEquals(4, activity.get("CounterIncremented").path("count").asLong());
    assertEquals(1, activity.get("CounterDeleted").path("count").asLong());
  }

  /**
   * An event the view's code fails on every time (here: an event of a type the model does not know,
   * without a state: folding the state again cannot read it) holds up its shard for the retries the
   * template allows, then is handed to the dead-letter queue; the events after it are projected.
   */
  @Test
  void aPoisonEventGoesToTheDeadLetterQueueWhileLaterEventsProject() {
    run("c1", new Counter.Created());
    run("c1", new Counter.Incremented(2));
    run("p1", new Counter.Created());
    Map<String, AttributeValue> poison =
        new HashMap<>(
            dynamoDb
                .getItem(
                    r ->
                        r.tableName(eventTable)
                            .key(
                                Map.of(
                                    "pk", AttributeValue.fromS("Counter#p1"),
                                    "sk", AttributeValue.fromN("1"))))
                .item());
    poison.put("sk", AttributeValue.fromN("2"));
    poison.put("type", AttributeValue.fromS("CounterExploded"));
    poison.put("payload", AttributeValue.fromS("{\"by\":9}"));
    poison.remove("state");
    poison.remove("stateFingerprint");
    dynamoDb.putItem(r -> r.tableName(eventTable).item(poison));
    run("c2", new Counter.Created());
    run("c2", new Counter.Incremented(5));
    run("c1", new Counter.Incremented(1));
    List<Record> records = StreamDelivery.records(dynamoDb, streams, eventTable);
    String poisonRecord = records.get(3).dynamodb().sequenceNumber();

    StreamMapping mapping = StreamMapping.ofProjector();
    String streamArn =
        dynamoDb.describeTable(r -> r.tableName(eventTable)).table().latestStreamArn();
    try (SqsClient sqs = MOTO.sqs()) {
      String queue = sqs.createQueue(r -> r.queueName("projector-dlq")).queueUrl();
      mapping.deliver(
          records,
          this::invoke,
          batch ->
              sqs.sendMessage(
                  r ->
                      r.queueUrl(queue)
                          .messageBody(Json.write(StreamMapping.failureRecord(batch, streamArn)))));

      List<Message> messages =
          sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
      assertEquals(1, messages.size(), "one dead letter");
      JsonNode info = Json.parse(messages.get(0).body()).path("DDBStreamBatchInfo");
      assertEquals(poisonRecord, info.path("startSequenceNumber").asText());
      assertEquals(poisonRecord, info.path("endSequenceNumber").asText());
      assertEquals(1, info.path("batchSize").asInt(), "the poison alone, after the bisections");
    }
    // The first delivery, every retry of the poison, then the events after it in one batch.
    assertEquals(1 + mapping.maximumRetryAttempts() + 1, mapping.invocations());
    ViewReplay replay = ViewReplay.of(dynamoDb, List.of(eventTable), CounterViews.ALL);
    assertEquals(List.of("Counter#p1@2"), replay.failed());
    assertViewsEqual(replay);
    assertEquals(3, stored(CounterViews.TOTALS).get("c1").path("total").asLong());
    assertEquals(5, stored(CounterViews.TOTALS).get("c2").path("total").asLong());

    // A rebuild skips the poison event too, says so, and gives the same rows.
    JsonNode rebuilt =
        ViewTables.rebuild(dynamoDb, eventTable, viewTables, Duration.ZERO)
            .handle(Json.object().put("view", "CounterTotals"), () -> true);
    assertEquals("done", rebuilt.path("status").asText());
    assertEquals(6, rebuilt.path("events").asLong());
    assertEquals(1, rebuilt.path("failedCount").asLong());
    assertEquals("[\"Counter#p1@2\"]", Json.write(rebuilt.path("failed")));
    assertEquals(replay.rows(CounterViews.TOTALS), stored(CounterViews.TOTALS));
  }

  /** Three counters: seven events, of which one deletes. */
  private void runSomeCommands() {
    run("c1", new Counter.Created());
    run("c1", new Counter.Incremented(3));
    run("c2", new Counter.Created());
    run("c2", new Counter.Incremented(4));
    run("c1", new Counter.Incremented(1));
    run("c2", new Counter.Deleted());
    run("c3", new Counter.Created());
    run("c3", new Counter.Incremented(2));
  }

  private void assertViewsEqual(ViewReplay replay) {
    for (Projection view : CounterViews.ALL) {
      assertEquals(replay.rows(view), stored(view), view.view() + " equals a replay of the store");
    }
  }

  private Map<String, ObjectNode> stored(Projection view) {
    return ViewReplay.stored(dynamoDb, view, ViewTables.live(dynamoDb, viewTables, view));
  }

  private void run(String key, Counter.Event event) {
    runner.run(
        key,
        event instanceof Counter.Created ? Existence.NEW : Existence.EXISTING,
        EventStoreContract.meta(null),
        state -> List.of(event));
  }

  private JsonNode invoke(JsonNode streamEvent) {
    return projector.project(streamEvent);
  }
}
