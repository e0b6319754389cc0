package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Rebuilds on moto_server: in steps that run out of time and go on, cancelled, and beside a live
 * projector fed by commands running at the same time; each time the rows must equal a replay of the
 * event store.
 */
class RebuildHandlerTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private DynamoDbClient dynamoDb;
  private DynamoDbStreamsClient streams;
  private String eventTable;
  private Map<String, String> viewTables;
  private EventStore store;
  private CommandRunner<Counter.State, Counter.Event> runner;
  private ProjectorHandler projector;
  private StreamDelivery delivery;
  private final java.util.Set<String> counters = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @BeforeEach
  void createTables(TestInfo test) {
    dynamoDb = MOTO.dynamoDb();
    streams = MOTO.dynamoDbStreams();
    String suffix = "rb-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    eventTable = "events-" + suffix;
    MOTO.createEventStoreTable(dynamoDb, eventTable);
    delivery = StreamDelivery.of(dynamoDb, streams, eventTable);
    viewTables = ViewTables.create(dynamoDb, suffix);
    store = new DynamoDbEventStore(dynamoDb, eventTable);
    runner = new CommandRunner<>(store, Counter.STREAMING);
    projector =
        new ProjectorHandler(
            ViewTables.store(dynamoDb, viewTables, java.time.Clock.systemUTC()),
            store,
            ViewTables.ledger(dynamoDb, viewTables),
            CounterViews.ALL);
  }

  @AfterEach
  void closeClients() {
    dynamoDb.close();
    streams.close();
  }

  @Test
  void aRebuildOutOfTimeGoesOnWhereItStoppedAndGivesTheSameRows() {
    runCommands(30, new SplittableRandom(1));
    projectNewRecords();
    RebuildHandler rebuild = rebuild(Duration.ZERO);

    // Each step may replay two streams (or clear one page) before its time is up.
    JsonNode answer = rebuild.handle(request("CounterActivity", "start", null), budget(2));
    int steps = 1;
    while (!answer.path("status").asText().equals("done")) {
      assertEquals("", answer.path("error").asText(), answer.toString());
      String run = answer.path("run").asText();
      answer = rebuild.handle(request("CounterActivity", "continue", run), budget(2));
      steps++;
    }
    assertTrue(steps > 5, "the rebuild ran in " + steps + " steps");
    assertEquals(counters.size(), answer.path("streams").asLong());
    assertEquals(replay().rows(CounterViews.ACTIVITY), stored(CounterViews.ACTIVITY));
    assertEquals(answer, rebuild.handle(request("CounterActivity", "status", null), () -> true));
  }

  @Test
  void aCancelledRebuildStopsAndANewOneCanStart() {
    runCommands(6, new SplittableRandom(2));
    projectNewRecords();
    RebuildHandler rebuild = rebuild(Duration.ZERO);

    // Out of time at once: the step cleared the idle table (one page) and stopped before replaying.
    JsonNode first = rebuild.handle(request("CounterTotals", "start", null), budget(1));
    String run = first.path("run").asText();
    assertEquals("replaying", first.path("status").asText());
    assertEquals(0, first.path("streams").asLong());
    JsonNode refused = rebuild.handle(request("CounterTotals", "start", null), () -> true);
    assertEquals(
        "a rebuild of CounterTotals is active: cancel it first", refused.path("error").asText());

    JsonNode cancelled = rebuild.handle(request("CounterTotals", "cancel", null), () -> true);
    assertEquals("cancelled", cancelled.path("status").asText());
    assertEquals("blue", cancelled.path("live").asText(), "readers never left the blue table");
    assertEquals(replay().rows(CounterViews.TOTALS), stored(CounterViews.TOTALS));
    JsonNode after = rebuild.handle(request("CounterTotals", "continue", run), () -> true);
    assertEquals("run " + run + " is not the active rebuild", after.path("error").asText());
    assertEquals("cancelled", after.path("status").asText());
    assertEquals(
        "no rebuild is active",
        rebuild
            .handle(request("CounterTotals", "cancel", null), () -> true)
            .path("error")
            .asText());

    // A new run rebuilds the view and switches readers to it.
    runCommands(3, new SplittableRandom(3));
    projectNewRecords();
    JsonNode again = rebuild.handle(request("CounterTotals", "start", null), () -> true);
    assertEquals("done", again.path("status").asText());
    assertTrue(!again.path("run").asText().equals(run), "a new run");
    assertEquals("green", again.path("live").asText());
    assertEquals(replay().rows(CounterViews.TOTALS), stored(CounterViews.TOTALS));
  }

  /**
   * Readers never see the view emptied or half built: after every step of a rebuild, with commands
   * and their projection in between, the table readers read equals a replay of the store. The
   * switch moves them to the rebuilt table, the table they left is emptied, and the next rebuild
   * switches back.
   */
  @Test
  void readersSeeACompleteViewAfterEveryStepAndTheSwitchMovesThemAtOnce() {
    SplittableRandom random = new SplittableRandom(5);
    runCommands(20, random);
    projectNewRecords();
    RebuildHandler rebuild = rebuild(Duration.ZERO);
    for (ViewColour rebuilt : List.of(ViewColour.GREEN, ViewColour.BLUE)) {
      JsonNode answer = rebuild.handle(request("CounterTotals", "start", null), budget(2));
      Set<String> statuses = new LinkedHashSet<>();
      while (true) {
        statuses.add(answer.path("status").asText());
        runCommands(2, random);
        projectNewRecords();
        assertEquals(
            replay().rows(CounterViews.TOTALS),
            stored(CounterViews.TOTALS),
            "what readers read after the step that answered " + answer);
        if (answer.path("status").asText().equals("done")) {
          break;
        }
        answer =
            rebuild.handle(
                request("CounterTotals", "continue", answer.path("run").asText()), budget(2));
      }
      assertEquals(List.of("replaying", "cleaning", "done"), List.copyOf(statuses));
      assertEquals(rebuilt.text(), answer.path("live").asText(), answer.toString());
      assertTrue(answer.path("oldRowsDeleted").asLong() > 0, answer.toString());
      assertEquals(0, items(rebuilt.other().of(CounterViews.TOTALS)), "the table left is empty");
    }
  }

  /**
   * Lambda ends a step that overruns its time without a word: the step's work since its last save
   * is lost, and the next step takes the run up from that save.
   */
  @Test
  void aStepKilledBetweenSavesIsTakenUpFromTheLastSaveAndGivesTheSameRows() {
    runCommands(30, new SplittableRandom(6));
    projectNewRecords();
    RebuildHandler rebuild = rebuild(Duration.ZERO);
    JsonNode answer = rebuild.handle(request("CounterActivity", "start", null), budget(3));
    String run = answer.path("run").asText();
    AtomicInteger checks = new AtomicInteger();
    BooleanSupplier killedAtTheThirdCheck =
        () -> {
          if (checks.incrementAndGet() == 3) {
            throw new IllegalStateException("the step is killed");
          }
          return true;
        };
    assertThrows(
        IllegalStateException.class,
        () -> rebuild.handle(request("CounterActivity", "continue", run), killedAtTheThirdCheck));

    JsonNode status = rebuild.handle(request("CounterActivity", "status", null), () -> true);
    assertEquals("replaying", status.path("status").asText(), "as the last save left it");
    answer = rebuild.handle(request("CounterActivity", "continue", run), () -> true);
    assertEquals("done", answer.path("status").asText(), answer.toString());
    assertEquals(replay().rows(CounterViews.ACTIVITY), stored(CounterViews.ACTIVITY));
  }

  /**
   * Commands run and the projector follows them (both in one thread, batch after batch) while the
   * rebuild runs in short steps in another; the views end equal to a replay of the store.
   */
  @Test
  void aRebuildBesideTheLiveProjectorGivesTheRowsOfAReplay() throws Exception {
    SplittableRandom random = new SplittableRandom(4);
    runCommands(15, random);
    projectNewRecords();
    AtomicBoolean rebuilt = new AtomicBoolean();
    AtomicInteger batchesDuringRebuild = new AtomicInteger();
    CompletableFuture<Void> live =
        CompletableFuture.runAsync(
            () -> {
              while (!rebuilt.get()) {
                runCommands(2, random);
                projectNewRecords();
                batchesDuringRebuild.incrementAndGet();
              }
              runCommands(3, random);
              projectNewRecords();
            });
    try {
      for (Projection view : CounterViews.ALL) {
        RebuildHandler rebuild = rebuild(Duration.ofMillis(300));
        JsonNode answer = rebuild.handle(request(view.view(), "start", null), budget(3));
        while (!answer.path("status").asText().equals("done")) {
          answer =
              rebuild.handle(
                  request(view.view(), "continue", answer.path("run").asText()), budget(3));
        }
      }
    } finally {
      rebuilt.set(true);
    }
    live.get();

    assertTrue(
        batchesDuringRebuild.get() > 3, batchesDuringRebuild + " batches during the rebuild");
    ViewReplay replay = replay();
    for (Projection view : CounterViews.ALL) {
      assertEquals(replay.rows(view), stored(view), view.view() + " equals a replay");
    }
  }

  private RebuildHandler rebuild(Duration grace) {
    return ViewTables.rebuild(dynamoDb, eventTable, viewTables, grace);
  }

  private static ObjectNode request(String view, String action, String run) {
    ObjectNode request = Json.object().put("view", view).put("action", action);
    if (run != null) {
      request.put("run", run);
    }
    return request;
  }

  /** Time for {@code checks} more checks: the limit of a step, small. */
  private static BooleanSupplier budget(int checks) {
    AtomicInteger left = new AtomicInteger(checks);
    return () -> left.decrementAndGet() > 0;
  }

  /**
   * Commands on counters {@code c0..c11}: created when new, else incremented or (rarely) deleted.
   */
  private void runCommands(int count, SplittableRandom random) {
    for (int i = 0; i < count; i++) {
      String key = "c" + random.nextInt(12);
      counters.add(key);
      boolean exists = store.load(Counter.STREAMING, key).exists();
      Counter.Event event =
          !exists
              ? new Counter.Created()
              : random.nextInt(8) == 0
                  ? new Counter.Deleted()
                  : new Counter.Incremented(1 + random.nextInt(5));
      runner.run(
          key,
          exists ? Existence.EXISTING : Existence.NEW,
          EventStoreContract.meta(null),
          state -> List.of(event));
    }
  }

  /** Delivers the stream records written since the last delivery to the projector, in order. */
  private synchronized void projectNewRecords() {
    JsonNode answer = delivery.deliverNew(projector);
    assertEquals(0, answer.path("batchItemFailures").size(), answer.toString());
  }

  private ViewReplay replay() {
    return ViewReplay.of(dynamoDb, List.of(eventTable), CounterViews.ALL);
  }

  /** How many items a table of a view holds, tombstones included. */
  private int items(Projection table) {
    return dynamoDb.scan(r -> r.tableName(viewTables.get(table.tableVariable()))).count();
  }

  private Map<String, ObjectNode> stored(Projection view) {
    return ViewReplay.stored(dynamoDb, view, ViewTables.live(dynamoDb, viewTables, view));
  }
}
