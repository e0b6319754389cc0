package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * A bounded soak on moto_server (loopback only): commands from several threads through the command
 * handler and the DynamoDB event store, some sent twice with the same {@code commandId}, then the
 * event-store stream through the projector. Afterwards every stream must be complete and gap-free,
 * every acknowledged command stored exactly once and nothing else stored, every aggregate's loaded
 * state (snapshots included) equal to a replay of its events, and every view equal to a replay of
 * the store.
 *
 * <p>System properties: {@code soak.commands} (default 300, which keeps the build short; CI of the
 * runtime or a change to it may run 2000 or more), {@code soak.threads} (8), {@code
 * soak.aggregates} (50), {@code soak.seed} (printed by every run, to replay its plan). moto_server
 * serves one request at a time ({@link OneRequestAtATime}), so the run's time is mostly the number
 * of requests; docs/reliability.md has the figures.
 */
class SoakTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final int COMMANDS = Integer.getInteger("soak.commands", 300);
  private static final int THREADS = Integer.getInteger("soak.threads", 8);
  private static final int AGGREGATES = Integer.getInteger("soak.aggregates", 50);

  /** One command in this many is sent a second time, soon after, as a client retrying. */
  private static final int DUPLICATE_EVERY = 10;

  /** Snapshots every 10 events, and the state in every event, as a {@code from} view needs. */
  private static final Counter TYPE = new Counter(10, 0, true);

  /**
   * One event-store table per aggregate instance. DynamoDB's cost per request does not depend on
   * the table's size, but moto's does: it copies every table a transaction writes to, stream
   * included, before each item, so on one table the run's time grows with the square of its
   * commands (300 commands took 230 s). Commands on different aggregates share no item, and the
   * views are fed by all the tables' streams, as by the shards of one table.
   */
  private static String table(String key) {
    return "soak-events-" + key;
  }

  private record Command(String mutation, String key, int by, String commandId) {}

  @Test
  void commandsFromManyThreadsAreStoredOnceAndProjectedOnce() throws Exception {
    long seed = Long.getLong("soak.seed", System.nanoTime());
    System.out.printf(
        "SoakTest: seed %d (replay with -Dsoak.seed=%d); %d commands, %d threads, %d aggregates%n",
        seed, seed, COMMANDS, THREADS, AGGREGATES);
    List<Command> sends = plan(new Random(seed));
    RequestCounter requests = new RequestCounter();
    try (DynamoDbClient dynamoDb = MOTO.dynamoDb(requests);
        DynamoDbStreamsClient streams = MOTO.dynamoDbStreams()) {
      Map<String, CounterHandler> handlers = new TreeMap<>();
      Map<String, EventStore> stores = new TreeMap<>();
      for (int i = 0; i < AGGREGATES; i++) {
        String key = "counter-" + i;
        MOTO.createEventStoreTable(dynamoDb, table(key));
        stores.put(key, new DynamoDbEventStore(dynamoDb, table(key)));
        handlers.put(key, new CounterHandler(stores.get(key), TYPE, Clock.systemUTC()));
      }
      requests.reset();

      long start = System.nanoTime();
      Map<String, List<JsonNode>> answers = send(sends, handlers);
      double commandSeconds = (System.nanoTime() - start) / 1e9;
      Map<String, Integer> commandRequests = requests.counts();

      Map<String, List<StoredEvent>> stored = storedEvents(dynamoDb, stores.keySet());
      int events = checkStreams(stored, stores);
      Map<String, Integer> outcomes = checkAnswers(answers, stored);

      start = System.nanoTime();
      Map<String, String> viewTables = ViewTables.create(dynamoDb, "soak");
      ProjectorHandler projector =
          new ProjectorHandler(
              ViewTables.store(dynamoDb, viewTables, Clock.systemUTC()), CounterViews.ALL);
      List<List<Record>> dead = new ArrayList<>();
      int records = 0;
      for (String key : stores.keySet()) {
        List<Record> shard = StreamDelivery.records(dynamoDb, streams, table(key));
        StreamMapping.ofProjector().deliver(shard, projector::project, dead::add);
        records += shard.size();
      }
      double projectionSeconds = (System.nanoTime() - start) / 1e9;
      assertEquals(List.of(), dead, "no record given up on");
      ViewReplay replay =
          ViewReplay.of(
              dynamoDb, stores.keySet().stream().map(SoakTest::table).toList(), CounterViews.ALL);
      assertEquals(List.of(), replay.failed());
      for (Projection view : CounterViews.ALL) {
        assertEquals(
            replay.rows(view),
            ViewReplay.stored(dynamoDb, view, viewTables.get(view.tableVariable())),
            view.view() + " equals a replay of the store");
      }

      System.out.printf(
          "SoakTest: %d commands + %d duplicates: %s; %d events in %d streams, none lost or"
              + " duplicated; commands %.1f s (%s), projection of %d records %.1f s%n",
          COMMANDS,
          sends.size() - COMMANDS,
          outcomes,
          events,
          stored.size(),
          commandSeconds,
          commandRequests,
          records,
          projectionSeconds);
    }
  }

  /**
   * A create per aggregate first, then increments (by 1 to 9) mixed with a few deletes and creates;
   * every command has its own id, and some are sent again a few places later.
   */
  private static List<Command> plan(Random random) {
    List<Command> commands = new ArrayList<>();
    for (int i = 0; i < COMMANDS; i++) {
      String key = "counter-" + (i < AGGREGATES ? i : random.nextInt(AGGREGATES));
      int dice = random.nextInt(100);
      String mutation =
          i < AGGREGATES || dice < 3
              ? "createCounter"
              : dice < 6 ? "deleteCounter" : "incrementCounter";
      commands.add(new Command(mutation, key, 1 + random.nextInt(9), UUID.randomUUID().toString()));
    }
    List<Command> sends = new ArrayList<>(commands);
    for (int i = commands.size() - 1; i >= 0; i--) {
      if (random.nextInt(DUPLICATE_EVERY) == 0) {
        int at = Math.min(sends.size(), i + 1 + random.nextInt(THREADS * 2));
        sends.add(at, commands.get(i));
      }
    }
    return sends;
  }

  /** Sends every command from {@link #THREADS} threads; answers by command id, in any order. */
  private static Map<String, List<JsonNode>> send(
      List<Command> sends, Map<String, CounterHandler> handlers) throws Exception {
    Map<String, List<JsonNode>> answers = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < sends.size();
                      i = next.getAndIncrement()) {
                    Command command = sends.get(i);
                    // Only an increment has a `by`: the handler refuses fields a mutation lacks.
                    ObjectNode input = Json.object().put("id", command.key());
                    if (command.mutation().equals("incrementCounter")) {
                      input.put("by", command.by());
                    }
                    JsonNode answer =
                        AppSyncEvents.invoke(
                            handlers.get(command.key()),
                            AppSyncEvents.mutation(
                                command.mutation(),
                                input,
                                command.commandId(),
                                EventStoreContract.ALICE));
                    answers
                        .computeIfAbsent(
                            command.commandId(),
                            id -> Collections.synchronizedList(new ArrayList<>()))
                        .add(answer);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      // ExecutorService.close() is Java 19; the runtime's tests compile for 17.
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    return answers;
  }

  /** Every event item of the tables, by aggregate key, in version order. */
  private static Map<String, List<StoredEvent>> storedEvents(
      DynamoDbClient dynamoDb, Set<String> keys) {
    Map<String, List<StoredEvent>> streams = new TreeMap<>();
    for (String key : keys) {
      for (Map<String, AttributeValue> item :
          dynamoDb.scanPaginator(r -> r.tableName(table(key)).consistentRead(true)).items()) {
        if (EventItems.isEvent(item)) {
          StoredEvent event = EventItems.storedEvent(item);
          streams.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event);
        }
      }
    }
    streams.values().forEach(s -> s.sort((a, b) -> Long.compare(a.version(), b.version())));
    return streams;
  }

  /**
   * Each stream holds versions 1..n and its loaded state (from the latest snapshot) is the replay
   * of all its events. Answers the number of events.
   */
  private static int checkStreams(
      Map<String, List<StoredEvent>> stored, Map<String, EventStore> stores) {
    int events = 0;
    for (Map.Entry<String, List<StoredEvent>> stream : stored.entrySet()) {
      List<StoredEvent> history = stream.getValue();
      assertEquals(
          LongStream.rangeClosed(1, history.size()).boxed().toList(),
          history.stream().map(StoredEvent::version).toList(),
          stream.getKey() + ": complete and gap-free");
      Counter.State replayed = TYPE.empty();
      for (StoredEvent event : history) {
        Counter.Event decoded = TYPE.eventFromJson(event.type(), event.payload());
        replayed = TYPE.endsInstance(decoded) ? TYPE.empty() : TYPE.apply(replayed, decoded);
      }
      assertEquals(
          replayed,
          stores.get(stream.getKey()).load(TYPE, stream.getKey()).state(),
          stream.getKey());
      events += history.size();
    }
    return events;
  }

  /**
   * Every answer is a result or an expected refusal; the commands answered with a result are
   * exactly the commands stored, each once, at the version its answer names; a command sent twice
   * and answered twice with a result got the same answer. Answers the outcomes counted by kind.
   */
  private static Map<String, Integer> checkAnswers(
      Map<String, List<JsonNode>> answers, Map<String, List<StoredEvent>> stored) {
    Map<String, StoredEvent> byCommand = new HashMap<>();
    for (List<StoredEvent> stream : stored.values()) {
      for (StoredEvent event : stream) {
        StoredEvent other = byCommand.put(event.commandId(), event);
        assertTrue(other == null, "command " + event.commandId() + " stored twice");
      }
    }
    Map<String, Integer> outcomes = new TreeMap<>();
    Set<String> acknowledged = new HashSet<>();
    Set<String> allowed =
        Set.of(CommandError.NOT_FOUND, CommandError.ALREADY_EXISTS, CommandError.CONFLICT);
    for (Map.Entry<String, List<JsonNode>> command : answers.entrySet()) {
      JsonNode result = null;
      for (JsonNode answer : command.getValue()) {
        String kind = answer.has("error") ? answer.path("error").path("type").asText() : "ok";
        outcomes.merge(kind, 1, Integer::sum);
        if (kind.equals("ok")) {
          assertTrue(result == null || result.equals(answer), "one answer per command: " + command);
          result = answer;
        } else {
          assertTrue(allowed.contains(kind), "unexpected answer " + answer);
        }
      }
      if (result != null) {
        acknowledged.add(command.getKey());
        StoredEvent event = byCommand.get(command.getKey());
        assertTrue(event != null, "acknowledged but not stored: " + command);
        assertEquals(event.key(), result.path("id").asText());
        assertEquals(event.version(), result.path("version").asLong());
      }
    }
    assertEquals(byCommand.keySet(), acknowledged, "stored exactly the acknowledged commands");
    return outcomes;
  }
}
