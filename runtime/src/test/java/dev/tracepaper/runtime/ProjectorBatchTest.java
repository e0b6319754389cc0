package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Skipping and partial batch failures of the projector, in memory. */
class ProjectorBatchTest {

  /** The idempotency item of a command: in the stream, and no event. */
  private static final Map<String, AttributeValue> COMMAND_ITEM =
      EventItems.commandItem(
          EventStoreContract.meta("cmd-1"),
          "Counter#c1",
          new CommandResult("c1", 2, List.of("CounterIncremented")));

  /** Fails on the event of counter {@code c1} with version 2, as a broken projection would. */
  static final Projection FAILING =
      new Projection() {
        @Override
        public String view() {
          return "Failing";
        }

        @Override
        public String keyField() {
          return "id";
        }

        @Override
        public String tableVariable() {
          return "FAILING_TABLE";
        }

        @Override
        public String tableSuffix() {
          return "failing";
        }

        @Override
        public long retentionDays() {
          return 0;
        }

        @Override
        public boolean handles(StoredEvent event) {
          return true;
        }

        @Override
        public List<RowChange> project(StoredEvent event, RowReader rows) {
          if (event.key().equals("c1") && event.version() == 2) {
            throw new IllegalStateException("broken projection");
          }
          return List.of();
        }
      };

  private final InMemoryViewStore store = new InMemoryViewStore();

  @Test
  void reportsTheFirstFailedRecordAndStopsThere() {
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    add(records, "100", "INSERT", EventItems.eventItem(event("c2", 1, "CounterCreated")));
    add(records, "200", "INSERT", COMMAND_ITEM);
    add(records, "300", "INSERT", EventItems.eventItem(event("c1", 2, "CounterIncremented")));
    add(records, "400", "INSERT", EventItems.eventItem(event("c3", 1, "CounterCreated")));

    ProjectorHandler handler = new ProjectorHandler(store, List.of(CounterViews.TOTALS, FAILING));
    ObjectNode response = handler.project(streamEvent);

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"}]}", Json.write(response));
    // Records before the failed one are projected; the ones after it wait for Lambda's retry.
    assertEquals(List.of("c1", "c2"), List.copyOf(store.rows("CounterTotals").keySet()));
  }

  @Test
  void skipsRemovalsAndItemsThatAreNotEvents() {
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    add(records, "100", "REMOVE", EventItems.eventItem(event("c1", 1, "CounterCreated")));
    add(records, "200", "INSERT", COMMAND_ITEM);

    ObjectNode response = new ProjectorHandler(store, CounterViews.ALL).project(streamEvent);

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(Map.of(), store.rows("CounterTotals"));
  }

  @Test
  void projectsAgainWhenARowChangedBetweenItsReadAndTheWrite() {
    StoredEvent other = event("c9", 1, "CounterCreated");
    Projection racing =
        new Projection() {
          private boolean raced;

          @Override
          public String view() {
            return CounterViews.ACTIVITY.view();
          }

          @Override
          public String keyField() {
            return CounterViews.ACTIVITY.keyField();
          }

          @Override
          public String tableVariable() {
            return CounterViews.ACTIVITY.tableVariable();
          }

          @Override
          public String tableSuffix() {
            return CounterViews.ACTIVITY.tableSuffix();
          }

          @Override
          public long retentionDays() {
            return 0;
          }

          @Override
          public boolean handles(StoredEvent event) {
            return true;
          }

          /** The first time, another stream's event is projected between the read and the write. */
          @Override
          public List<RowChange> project(StoredEvent event, RowReader rows) {
            List<RowChange> changes = CounterViews.ACTIVITY.project(event, rows);
            if (!raced) {
              raced = true;
              new Projector(store).project(CounterViews.ACTIVITY, other);
            }
            return changes;
          }
        };

    StoredEvent event = event("c1", 1, "CounterCreated");
    new ProjectorHandler(store, List.of(racing)).project(event);

    ViewRow row = store.read(CounterViews.ACTIVITY, "CounterCreated");
    assertEquals(2, row.live().orElseThrow().path("count").asLong(), "no lost update");
    for (StoredEvent seen : List.of(event, other)) {
      assertEquals(
          List.of(),
          new Projector(store).project(CounterViews.ACTIVITY, seen),
          "each stream's version kept");
    }
  }

  private static StoredEvent event(String key, long version, String type) {
    return ViewStoreContract.event(key, version, type);
  }

  static void add(
      ArrayNode records, String sequenceNumber, String name, Map<String, AttributeValue> item) {
    ObjectNode record = records.addObject().put("eventName", name);
    ObjectNode dynamodb = record.putObject("dynamodb").put("SequenceNumber", sequenceNumber);
    dynamodb.set("NewImage", StreamDelivery.image(item));
  }
}
