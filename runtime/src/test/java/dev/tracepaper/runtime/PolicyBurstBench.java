package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.AutomationQueues;
import dev.tracepaper.runtime.testing.MotoServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A burst of policy deliveries to one aggregate (a program, not a test: it measures), each run as
 * the generated policy handler runs it (a command with the id {@code <policy>:<stream>:<version>}
 * of its trigger, on one target) on the DynamoDB event store of a local moto_server. Prints, for
 * the delivery the template had before and the one it has now, how many deliveries ran out of the
 * runner's optimistic-concurrency attempts ({@code CONFLICT}) and how many ended in the dead-letter
 * queue. See docs/reliability.md.
 *
 * <ul>
 *   <li>before: every delivery a concurrent asynchronous invocation, the failed ones retried twice
 *       (Lambda's retries of a burst come back together);
 *   <li>now: the deliveries in an SQS queue (on moto, visibility timeout 1 s for the template's 180
 *       s, 5 receives, then the dead-letter queue) read by at most 2 invocations at once in batches
 *       of 10 through {@link PolicyDeliveries}.
 * </ul>
 *
 * <p>Arguments: [deliveries, default 50] [bounds of the plain burst, default 50,10,5,2,1; {@code
 * ""} for none] [modes, default before,now].
 */
public final class PolicyBurstBench {

  private static final int LAMBDA_RETRIES = 2;
  private static final int MAXIMUM_CONCURRENCY = 2;
  private static final int MAX_RECEIVE_COUNT = 5;

  private PolicyBurstBench() {}

  public static void main(String[] args) throws Exception {
    int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String[] bounds = (args.length > 1 ? args[1] : "50,10,5,2,1").split(",");
    MotoServer moto = MotoServer.startStandalone();
    try (DynamoDbClient dynamoDb = moto.dynamoDb();
        SqsClient sqs = moto.sqs()) {
      for (String bound : bounds) {
        if (bound.isBlank()) {
          continue;
        }
        int concurrency = Integer.parseInt(bound);
        Target target = new Target(moto, dynamoDb, "burst-" + concurrency);
        long start = System.nanoTime();
        List<Integer> failed = target.runAtOnce(range(deliveries), concurrency);
        System.out.printf(
            "burst of %d, at most %d at once: %d CONFLICT, %.1f s%n",
            deliveries, concurrency, failed.size(), (System.nanoTime() - start) / 1e9);
      }

      List<String> modes = List.of((args.length > 2 ? args[2] : "before,now").split(","));
      if (modes.contains("before")) {
        before(moto, dynamoDb, deliveries);
      }
      if (modes.contains("now")) {
        now(moto, dynamoDb, sqs, deliveries);
      }
    } finally {
      moto.stop();
    }
  }

  private static void before(MotoServer moto, DynamoDbClient dynamoDb, int deliveries)
      throws Exception {
    Target before = new Target(moto, dynamoDb, "burst-before");
    List<Integer> failed = before.runAtOnce(range(deliveries), deliveries);
    int firstConflicts = failed.size();
    for (int retry = 1; retry <= LAMBDA_RETRIES && !failed.isEmpty(); retry++) {
      failed = before.runAtOnce(failed, failed.size());
    }
    System.out.printf(
        "before (asynchronous invocations, %d retries): %d CONFLICT on the first run, %d in the"
            + " dead-letter queue%n",
        LAMBDA_RETRIES, firstConflicts, failed.size());
  }

  private static void now(MotoServer moto, DynamoDbClient dynamoDb, SqsClient sqs, int deliveries)
      throws Exception {
    Target now = new Target(moto, dynamoDb, "burst-now");
    long start = System.nanoTime();
    int[] counts = now.runFromQueue(sqs, deliveries);
    System.out.printf(
        "now (queue, at most %d at once, %d receives): %d CONFLICT, %d in the dead-letter queue,"
            + " %.1f s%n",
        MAXIMUM_CONCURRENCY,
        MAX_RECEIVE_COUNT,
        counts[0],
        counts[1],
        (System.nanoTime() - start) / 1e9);
  }

  private static List<Integer> range(int deliveries) {
    List<Integer> all = new ArrayList<>();
    for (int i = 1; i <= deliveries; i++) {
      all.add(i);
    }
    return all;
  }

  /** One aggregate that every delivery targets, in a table of its own. */
  private static final class Target {
    final CommandRunner<Counter.State, Counter.Event> runner;
    final String table;

    Target(MotoServer moto, DynamoDbClient dynamoDb, String table) {
      this.table = table;
      moto.createEventStoreTable(dynamoDb, table);
      runner = new CommandRunner<>(new DynamoDbEventStore(dynamoDb, table), Counter.PLAIN);
      runner.run(
          "target",
          Existence.NEW,
          EventStoreContract.meta(null),
          s -> List.of(new Counter.Created()));
    }

    /** The delivery of the trigger {@code Order#o-<n>} version 1, as the policy handler runs it. */
    JsonNode run(int trigger) {
      String id = "ReserveStock:Order#o-" + trigger + ":1";
      return runner
          .run(
              "target",
              Existence.EXISTING,
              EventStoreContract.meta(id),
              s -> List.of(new Counter.Incremented(1)))
          .toJson();
    }

    /** Runs the deliveries, at most {@code concurrency} at once; answers the CONFLICTs. */
    List<Integer> runAtOnce(List<Integer> triggers, int concurrency) throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(concurrency);
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int trigger : triggers) {
        runs.add(pool.submit(() -> conflicted(trigger)));
      }
      List<Integer> conflicts = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).get()) {
          conflicts.add(triggers.get(i));
        }
      }
      pool.shutdown();
      return conflicts;
    }

    private boolean conflicted(int trigger) {
      try {
        run(trigger);
        return false;
      } catch (CommandError e) {
        if (!e.code().equals("CONFLICT")) {
          throw e;
        }
        return true;
      }
    }

    /** The queue path; answers the CONFLICTs and the dead letters. */
    int[] runFromQueue(SqsClient sqs, int deliveries) throws Exception {
      AutomationQueues.WithDeadLetters queues =
          AutomationQueues.createWithDeadLetters(sqs, table, 1, MAX_RECEIVE_COUNT);
      String queue = queues.queue();
      String dlq = queues.deadLetters();
      for (int trigger = 1; trigger <= deliveries; trigger++) {
        ObjectNode busEvent = Json.object().put("source", "shop.Sales.Order");
        busEvent.putObject("detail").put("trigger", trigger);
        String body = Json.write(busEvent);
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
      }
      AtomicInteger conflicts = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      Set<String> seen = java.util.Collections.synchronizedSet(new HashSet<>());
      ExecutorService pollers = Executors.newFixedThreadPool(MAXIMUM_CONCURRENCY);
      List<Future<?>> running = new ArrayList<>();
      for (int p = 0; p < MAXIMUM_CONCURRENCY; p++) {
        running.add(
            pollers.submit(
                () -> {
                  int idle = 0;
                  while (idle < 5) {
                    List<Message> messages =
                        sqs.receiveMessage(
                                r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                            .messages();
                    if (messages.isEmpty()) {
                      idle++;
                      continue;
                    }
                    idle = 0;
                    ObjectNode batch = Json.object();
                    ArrayNode records = batch.putArray("Records");
                    messages.forEach(
                        m ->
                            records
                                .addObject()
                                .put("messageId", m.messageId())
                                .put("body", m.body()));
                    JsonNode answer =
                        PolicyDeliveries.batch(
                            batch,
                            busEvent -> {
                              int trigger = busEvent.path("detail").path("trigger").asInt();
                              try {
                                return run(trigger);
                              } catch (CommandError e) {
                                conflicts.incrementAndGet();
                                throw e;
                              }
                            });
                    Set<String> failed = new HashSet<>();
                    answer
                        .path("batchItemFailures")
                        .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
                    for (Message message : messages) {
                      if (!failed.contains(message.messageId())) {
                        sqs.deleteMessage(
                            r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
                        if (seen.add(message.messageId())) {
                          done.incrementAndGet();
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> poller : running) {
        poller.get();
      }
      pollers.shutdown();
      int deadLetters =
          Integer.parseInt(
              sqs.getQueueAttributes(
                      r ->
                          r.queueUrl(dlq)
                              .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                  .attributes()
                  .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
      if (done.get() + deadLetters != deliveries) {
        throw new IllegalStateException(
            done.get() + " done and " + deadLetters + " dead letters of " + deliveries);
      }
      return new int[] {conflicts.get(), deadLetters};
    }
  }
}
