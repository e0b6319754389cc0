package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB failing in the middle of a command, on moto_server with the real SDK: {@link Faults}
 * breaks one call of the handler's client (the load, or the transaction on its way or on its way
 * back). Whatever fails, the store holds all of the command or none of it, and the client's retry
 * with the same {@code commandId} appends its events exactly once.
 */
class CommandFaultsTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final String INCREMENTED = "CounterIncremented";

  private final Faults faults = new Faults();
  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient faulty;
  private DynamoDbClient clean;
  private String table;
  private DynamoDbEventStore store;
  private CounterHandler handler;

  @BeforeEach
  void createTable(TestInfo test) {
    faulty = MOTO.dynamoDb(faults, requests);
    clean = MOTO.dynamoDb();
    table = "faults-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    MOTO.createEventStoreTable(clean, table);
    store = new DynamoDbEventStore(clean, table);
    handler =
        new CounterHandler(new DynamoDbEventStore(faulty, table), Counter.PLAIN, Clock.systemUTC());
  }

  @AfterEach
  void closeClients() {
    assertTrue(faults.allUsed(), "a fault was armed but never hit");
    faulty.close();
    clean.close();
  }

  @Test
  void aFailedLoadWritesNothingAndTheRetryAppendsOnce() {
    invoke("createCounter", "c1", 0, null);
    String commandId = UUID.randomUUID().toString();
    faults.failNext("Query", Faults.Point.BEFORE_SENDING, Integer.MAX_VALUE);

    assertSystemFailure("incrementCounter", "c1", 5, commandId);
    assertEquals(List.of(1L), versions("c1"));

    JsonNode retried = invoke("incrementCounter", "c1", 5, commandId);
    assertEquals(2, retried.path("version").asLong(), retried.toString());
    assertEquals(retried, invoke("incrementCounter", "c1", 5, commandId));
    assertEquals(List.of(1L, 2L), versions("c1"));
    assertEquals(5, store.load(Counter.PLAIN, "c1").state().total());
  }

  @Test
  void aTransactionLostOnItsWayWritesNothingAndTheRetryAppendsOnce() {
    invoke("createCounter", "c1", 0, null);
    String commandId = UUID.randomUUID().toString();
    faults.failNext("TransactWriteItems", Faults.Point.BEFORE_SENDING, Integer.MAX_VALUE);

    assertSystemFailure("incrementCounter", "c1", 5, commandId);
    assertTrue(faults.injected() > 1, "the SDK retried before giving up: " + faults.injected());
    assertEquals(List.of(1L), versions("c1"));
    assertTrue(
        recorded(commandId, "incrementCounter", input("c1", 5)).isEmpty(),
        "no idempotency item without the events");

    JsonNode retried = invoke("incrementCounter", "c1", 5, commandId);
    assertEquals(2, retried.path("version").asLong(), retried.toString());
    assertEquals(List.of(1L, 2L), versions("c1"));
  }

  /**
   * The worst case: the transaction committed, but every answer was lost, so the handler failed.
   * The client cannot tell this from a command that never ran; its retry must not run it again.
   */
  @Test
  void aCommittedTransactionWhoseAnswersWereLostIsNotAppliedAgain() {
    invoke("createCounter", "c1", 0, null);
    String commandId = UUID.randomUUID().toString();
    faults.failNext("TransactWriteItems", Faults.Point.AFTER_ANSWER, Integer.MAX_VALUE);

    assertSystemFailure("incrementCounter", "c1", 5, commandId);
    assertEquals(List.of(1L, 2L), versions("c1"), "the first attempt did commit");

    JsonNode retried = invoke("incrementCounter", "c1", 5, commandId);
    assertEquals(
        Json.parse("{\"id\":\"c1\",\"version\":2,\"events\":[\"CounterIncremented\"]}"), retried);
    assertEquals(List.of(1L, 2L), versions("c1"));
    assertEquals(5, store.load(Counter.PLAIN, "c1").state().total());
  }

  /**
   * The same for a command that creates: its retry answers the first result, not ALREADY_EXISTS.
   */
  @Test
  void aCommittedCreateWhoseAnswersWereLostAnswersItsResultWhenRetried() {
    String commandId = UUID.randomUUID().toString();
    faults.failNext("TransactWriteItems", Faults.Point.AFTER_ANSWER, Integer.MAX_VALUE);

    assertSystemFailure("createCounter", "c1", 0, commandId);

    JsonNode retried = invoke("createCounter", "c1", 0, commandId);
    assertEquals(
        Json.parse("{\"id\":\"c1\",\"version\":1,\"events\":[\"CounterCreated\"]}"), retried);
    assertEquals(CommandError.ALREADY_EXISTS, errorOf(invoke("createCounter", "c1", 0, null)));
    assertEquals(List.of(1L), versions("c1"));
  }

  /**
   * One answer lost: the SDK sends the committed transaction again, which the store tells from a
   * conflict by the idempotency item, so the command succeeds once without the client retrying.
   */
  @Test
  void aTransactionWhoseFirstAnswerWasLostSucceedsOnce() {
    invoke("createCounter", "c1", 0, null);
    String commandId = UUID.randomUUID().toString();
    faults.failNext("TransactWriteItems", Faults.Point.AFTER_ANSWER, 1);
    requests.reset();

    JsonNode answer = invoke("incrementCounter", "c1", 5, commandId);

    assertEquals(2, answer.path("version").asLong(), answer.toString());
    assertEquals(1, faults.injected());
    assertEquals(List.of(1L, 2L), versions("c1"));
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 2), without("GetItem"));
  }

  /**
   * The server refuses the last item of a transaction of four (idempotency item and three events):
   * none of the four is stored, and the runner's own retry appends the three events once.
   */
  @Test
  void aTransactionRefusedAtItsLastItemStoresNoneOfIt() {
    invoke("createCounter", "c1", 0, null);
    String commandId = UUID.randomUUID().toString();
    EventStore faultyStore = new DynamoDbEventStore(faulty, table);
    List<Counter.Event> three =
        List.of(new Counter.Incremented(1), new Counter.Incremented(2), new Counter.Incremented(3));

    faults.refuseLastItemOfNextTransaction();
    AppendOutcome refused =
        faultyStore.append(
            Counter.PLAIN,
            store.load(Counter.PLAIN, "c1"),
            three,
            EventStoreContract.meta(commandId));
    assertInstanceOf(AppendOutcome.Conflict.class, refused);
    assertEquals(List.of(1L), versions("c1"), "no event of the refused transaction");
    assertTrue(
        store
            .recorded(EventStoreContract.meta(commandId).commandId(), EventStoreContract.NOW)
            .isEmpty(),
        "nor its idempotency item");

    faults.refuseLastItemOfNextTransaction();
    requests.reset();
    CommandResult result =
        new CommandRunner<>(faultyStore, Counter.PLAIN)
            .run("c1", Existence.EXISTING, EventStoreContract.meta(commandId), state -> three);

    assertEquals(
        new CommandResult("c1", 4, List.of(INCREMENTED, INCREMENTED, INCREMENTED)), result);
    assertEquals(Map.of("Query", 2, "TransactWriteItems", 2), requests.counts());
    assertEquals(List.of(1L, 2L, 3L, 4L), versions("c1"));
    assertEquals(6, store.load(Counter.PLAIN, "c1").state().total());
    assertEquals(
        Optional.of(result),
        store
            .recorded(EventStoreContract.meta(commandId).commandId(), EventStoreContract.NOW)
            .map(CommandRecord::result));
  }

  private JsonNode invoke(String mutation, String id, int by, String commandId) {
    return AppSyncEvents.invoke(
        handler,
        AppSyncEvents.mutation(mutation, input(id, by), commandId, EventStoreContract.ALICE));
  }

  private static JsonNode input(String id, int by) {
    return by == 0 ? Json.object().put("id", id) : Json.object().put("id", id).put("by", by);
  }

  /** What the store recorded for the id that ALICE sent with {@code input} to {@code mutation}. */
  private Optional<CommandRecord> recorded(String commandId, String mutation, JsonNode input) {
    CommandId id = CommandId.of(commandId, EventStoreContract.ALICE.name(), mutation, input);
    return store.recorded(id, Instant.now());
  }

  /**
   * The command fails as a system failure: the invocation fails (a Lambda error, which the resolver
   * answers INTERNAL_ERROR) instead of answering.
   */
  private void assertSystemFailure(String mutation, String id, int by, String commandId) {
    assertThrows(Responses.SystemFailure.class, () -> invoke(mutation, id, by, commandId));
  }

  private static String errorOf(JsonNode answer) {
    return answer.path("error").path("type").asText("(no error: " + answer + ")");
  }

  private List<Long> versions(String key) {
    return store.history(Counter.PLAIN, key).stream().map(StoredEvent::version).toList();
  }

  private Map<String, Integer> without(String operation) {
    Map<String, Integer> counts = new TreeMap<>(requests.counts());
    counts.remove(operation);
    return counts;
  }
}
