package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.InMemoryEventStore;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A {@code from} view never reads a state of another model version, in memory: a missing or stale
 * state is folded again from the event store with the current rules, once per stream and batch.
 */
class StateResolverTest {

  /** The counter after its apply rule changed: increments count twice. */
  private static final Counter DOUBLING = Counter.STREAMING.withFactor(2);

  private final InMemoryEventStore events = new InMemoryEventStore();
  private final List<String> reads = new ArrayList<>();
  private final InMemoryViewStore views = new InMemoryViewStore();

  /** The event store, counting the streams read to fold states. */
  private final EventStore counted =
      new EventStore() {
        @Override
        public <S, E> Loaded<S> load(AggregateType<S, E> type, String key) {
          return events.load(type, key);
        }

        @Override
        public <S, E> AppendOutcome append(
            AggregateType<S, E> type, Loaded<S> current, List<E> appended, Metadata meta) {
          return events.append(type, current, appended, meta);
        }

        @Override
        public Optional<CommandRecord> recorded(CommandId commandId, Instant now) {
          return events.recorded(commandId, now);
        }

        @Override
        public List<StoredEvent> history(AggregateType<?, ?> type, String key) {
          return events.history(type, key);
        }

        @Override
        public List<StoredEvent> history(AggregateType<?, ?> type, String key, long toVersion) {
          reads.add(key + "@" + toVersion);
          return events.history(type, key, toVersion);
        }
      };

  private void run(Counter type, String key, Counter.Event event) {
    new CommandRunner<>(events, type)
        .run(
            key,
            event instanceof Counter.Created ? Existence.NEW : Existence.EXISTING,
            EventStoreContract.meta(null),
            state -> List.of(event));
  }

  private long total(String key) {
    return views.rows("CounterTotals").get(key).path("total").asLong();
  }

  @Test
  void eventsStoredWithoutAStateAreFoldedForAViewAddedLater() {
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(2));
    run(Counter.PLAIN, "c1", new Counter.Incremented(5));
    ProjectorHandler projector = new ProjectorHandler(views, counted, List.of(CounterViews.TOTALS));

    events.history(Counter.PLAIN, "c1").forEach(projector::project);

    assertEquals(7, total("c1"));
    assertEquals(5, views.rows("CounterTotals").get("c1").path("last").asInt());
    assertEquals(
        List.of("c1@2", "c1@3"),
        reads,
        "one event at a time: a read each, but the first event alone is its whole stream");
  }

  @Test
  void statesOfAnotherModelVersionAreFoldedWithTheCurrentRules() {
    run(Counter.STREAMING, "c1", new Counter.Created());
    run(Counter.STREAMING, "c1", new Counter.Incremented(3));
    StoredEvent stored = events.history(Counter.STREAMING, "c1").get(1);
    assertEquals(3, stored.state().path("total").asLong(), "stored by the old rules");

    new ProjectorHandler(views, counted, List.of(CounterViews.totals(DOUBLING))).project(stored);

    assertEquals(6, total("c1"));
  }

  @Test
  void aStateOfTheCurrentModelIsUsedAsItIsWithoutARead() {
    run(DOUBLING, "c1", new Counter.Created());
    run(DOUBLING, "c1", new Counter.Incremented(3));
    ProjectorHandler projector =
        new ProjectorHandler(views, counted, List.of(CounterViews.totals(DOUBLING)));

    events.history(DOUBLING, "c1").forEach(projector::project);

    assertEquals(6, total("c1"));
    assertEquals(List.of(), reads);
    StoredEvent current = events.history(DOUBLING, "c1").get(1);
    StateResolver states =
        new StateResolver(null, List.of(CounterViews.totals(DOUBLING)), List.of(current));
    assertSame(current, states.forView(CounterViews.totals(DOUBLING), current));
  }

  @Test
  void aBatchFoldsEachStreamOnceUpToItsNewestEvent() {
    for (String key : List.of("c1", "c2")) {
      run(Counter.PLAIN, key, new Counter.Created());
      for (int by = 1; by <= 4; by++) {
        run(Counter.PLAIN, key, new Counter.Incremented(by));
      }
    }
    // A batch with the stream records of versions 3 to 5 of each counter, interleaved.
    ObjectNode batch = Json.object();
    ArrayNode records = batch.putArray("Records");
    for (int version = 3; version <= 5; version++) {
      for (String key : List.of("c1", "c2")) {
        StoredEvent event = events.history(Counter.PLAIN, key).get(version - 1);
        ProjectorBatchTest.add(records, key + version, "INSERT", EventItems.eventItem(event));
      }
    }

    ObjectNode response =
        new ProjectorHandler(views, counted, List.of(CounterViews.totals(DOUBLING))).project(batch);

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(List.of("c1@5", "c2@5"), reads, "one read per stream");
    assertEquals(20, total("c1"), "2 x (1 + 2 + 3 + 4)");
    assertEquals(20, total("c2"));
  }

  @Test
  void aBatchThatHoldsTheWholeStreamFoldsWithoutARead() {
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(4));
    run(Counter.PLAIN, "c1", new Counter.Deleted());
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(1));
    List<StoredEvent> stream = events.history(Counter.PLAIN, "c1");
    Projection view = CounterViews.totals(DOUBLING);
    StateResolver states = new StateResolver(counted, List.of(view), stream);

    List<Long> totals = new ArrayList<>();
    for (StoredEvent event : stream) {
      totals.add(states.forView(view, event).state().path("total").asLong());
    }

    assertEquals(List.of(0L, 8L, 8L, 0L, 2L), totals, "an ending event shows what it ended");
    assertEquals(List.of(), reads);
  }

  @Test
  void withoutAnEventStoreAStaleStateFailsTheRecordAndSaysWhy() {
    run(Counter.PLAIN, "c1", new Counter.Created());
    run(Counter.PLAIN, "c1", new Counter.Incremented(4));
    ObjectNode batch = Json.object();
    ArrayNode records = batch.putArray("Records");
    StoredEvent second = events.history(Counter.PLAIN, "c1").get(1);
    ProjectorBatchTest.add(records, "200", "INSERT", EventItems.eventItem(second));

    ObjectNode response = new ProjectorHandler(views, List.of(CounterViews.TOTALS)).project(batch);

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}", Json.write(response));
    assertFalse(views.rows("CounterTotals").containsKey("c1"));
  }

  @Test
  void viewsKeptFromEventsGetTheEventAsStored() {
    run(Counter.PLAIN, "c1", new Counter.Created());
    StoredEvent created = events.history(Counter.PLAIN, "c1").get(0);
    StateResolver states = new StateResolver(null, CounterViews.ALL, List.of(created));

    assertSame(created, states.forView(CounterViews.ACTIVITY, created));
    assertEquals(Map.of(), Map.copyOf(views.rows("CounterActivity")));
  }
}
