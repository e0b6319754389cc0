package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Throughput of the projector (a program, not a test: timings flake on shared machines). Appends
 * events to an event store on a local moto_server, reads the table's stream, and feeds the records
 * to the {@link ProjectorHandler} in batches as Lambda would, once per view of {@link CounterViews}
 * (one {@code from}, one {@code on}) and once into the in-memory store (the projector's own cost).
 * Prints events per second and DynamoDB requests per event per view. See docs/performance.md.
 *
 * <p>Arguments: [events, default 10000] [batch size, default 100].
 */
public final class ProjectorBench {

  /** Events per counter, appended by commands of this many events each. */
  private static final int EVENTS_PER_COUNTER = 100;

  private static final int EVENTS_PER_COMMAND = 10;

  private ProjectorBench() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    MotoServer moto = MotoServer.startStandalone();
    try (DynamoDbClient dynamoDb = moto.dynamoDb();
        DynamoDbStreamsClient streams = moto.dynamoDbStreams()) {
      moto.createEventStoreTable(dynamoDb, "bench-events");
      long start = System.nanoTime();
      append(dynamoDb, "bench-events", events);
      System.out.printf(
          "appended %d events in %.1f s%n", events, (System.nanoTime() - start) / 1e9);
      List<JsonNode> batches =
          batches(StreamDelivery.records(dynamoDb, streams, "bench-events"), batch);

      run("in memory, both views", new InMemoryViewStore(), CounterViews.ALL, batches, null);
      int round = 0;
      for (Projection view : CounterViews.ALL) {
        RequestCounter requests = new RequestCounter();
        Map<String, String> tables = ViewTables.create(dynamoDb, "bench" + round++);
        try (DynamoDbClient viewClient = moto.dynamoDb(requests)) {
          ViewStore store = ViewTables.store(viewClient, tables, Clock.systemUTC());
          run(view.view() + " on moto_server", store, List.of(view), batches, requests);
        }
      }
    } finally {
      moto.stop();
    }
  }

  /**
   * Counters of EVENTS_PER_COUNTER events, as commands of EVENTS_PER_COMMAND events append them
   * ({@link NewEvents}: versions, state), written with BatchWriteItem rather than through the
   * store's transactions: moto copies every table for each TransactWriteItems, which makes a large
   * append quadratic and would measure moto instead of the projector.
   */
  private static void append(DynamoDbClient dynamoDb, String table, int events) {
    Counter type = Counter.STREAMING;
    List<WriteRequest> writes = new ArrayList<>();
    Loaded<Counter.State> counter = null;
    for (int appended = 0; appended < events; appended += EVENTS_PER_COMMAND) {
      if (appended % EVENTS_PER_COUNTER == 0) {
        counter = new Loaded<>("c" + appended / EVENTS_PER_COUNTER, type.empty(), 0, false, 0);
      }
      List<Counter.Event> command = new ArrayList<>();
      for (int i = 0; i < EVENTS_PER_COMMAND; i++) {
        boolean first = counter.version() == 0 && i == 0;
        command.add(first ? new Counter.Created() : new Counter.Incremented(1));
      }
      NewEvents<Counter.State> next =
          NewEvents.of(type, counter, command, EventStoreContract.meta(null));
      for (StoredEvent event : next.stored()) {
        writes.add(
            WriteRequest.builder().putRequest(p -> p.item(EventItems.eventItem(event))).build());
      }
      counter = next.after();
    }
    for (int from = 0; from < writes.size(); from += 25) {
      Map<String, List<WriteRequest>> batch =
          Map.of(table, writes.subList(from, Math.min(from + 25, writes.size())));
      while (!batch.isEmpty()) {
        Map<String, List<WriteRequest>> request = batch;
        batch = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
      }
    }
  }

  private static List<JsonNode> batches(List<Record> records, int size) {
    List<JsonNode> batches = new ArrayList<>();
    for (int from = 0; from < records.size(); from += size) {
      batches.add(
          StreamDelivery.lambdaEvent(records.subList(from, Math.min(from + size, records.size()))));
    }
    return batches;
  }

  private static void run(
      String name,
      ViewStore store,
      List<Projection> views,
      List<JsonNode> batches,
      RequestCounter requests) {
    ProjectorHandler handler = new ProjectorHandler(store, views);
    long events = 0;
    long start = System.nanoTime();
    for (JsonNode batch : batches) {
      JsonNode response = handler.project(batch);
      if (!response.path("batchItemFailures").isEmpty()) {
        throw new IllegalStateException(name + ": failed records " + response);
      }
      events += batch.path("Records").size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%-32s %6d events %7.2f s %9.0f events/s", name, events, seconds, events / seconds);
    if (requests != null) {
      System.out.print("  requests/event:");
      double perEvent = events;
      requests.counts().forEach((op, n) -> System.out.printf(" %s %.2f", op, n / perEvent));
    }
    System.out.println();
  }
}
