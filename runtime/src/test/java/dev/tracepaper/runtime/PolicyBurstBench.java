package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.MotoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A burst of policy deliveries to one aggregate (a program, not a test: it measures). Each delivery
 * runs as the generated policy handler runs it (a command with the id {@code
 * <policy>:<stream>:<version>} of its trigger, on one target) on the DynamoDB event store of a
 * local moto_server; at most {@code concurrency} run at once, as a bound on the policy function's
 * concurrent invocations would allow. Prints how many ran out of the runner's
 * optimistic-concurrency attempts ({@code CONFLICT}, which Lambda then retries and after that
 * parks) per bound. See docs/reliability.md.
 *
 * <p>Arguments: [deliveries, default 50] [bounds, default 50,10,5,2,1].
 */
public final class PolicyBurstBench {

  private PolicyBurstBench() {}

  public static void main(String[] args) throws Exception {
    int deliveries = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String[] bounds = (args.length > 1 ? args[1] : "50,10,5,2,1").split(",");
    MotoServer moto = MotoServer.startStandalone();
    try (DynamoDbClient dynamoDb = moto.dynamoDb()) {
      for (String bound : bounds) {
        int concurrency = Integer.parseInt(bound);
        String table = "burst-" + concurrency;
        moto.createEventStoreTable(dynamoDb, table);
        CommandRunner<Counter.State, Counter.Event> runner =
            new CommandRunner<>(new DynamoDbEventStore(dynamoDb, table), Counter.PLAIN);
        runner.run(
            "target", true, EventStoreContract.meta(null), s -> List.of(new Counter.Created()));
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 1; i <= deliveries; i++) {
          String id = "ReserveStock:Order#o-" + i + ":1";
          runs.add(
              pool.submit(
                  () -> {
                    try {
                      runner.run(
                          "target",
                          false,
                          EventStoreContract.meta(id),
                          s -> List.of(new Counter.Incremented(1)));
                    } catch (CommandError e) {
                      (e.code().equals("CONFLICT") ? conflicts : other).incrementAndGet();
                    }
                  }));
        }
        for (Future<?> run : runs) {
          run.get();
        }
        pool.shutdown();
        System.out.printf(
            "%d deliveries, at most %d at once: %d CONFLICT (retries exhausted), %d other errors,"
                + " %.1f s%n",
            deliveries,
            concurrency,
            conflicts.get(),
            other.get(),
            (System.nanoTime() - start) / 1e9);
      }
    } finally {
      moto.stop();
    }
  }
}
