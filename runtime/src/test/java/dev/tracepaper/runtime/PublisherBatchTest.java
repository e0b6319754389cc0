package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Batching, skipping and partial failures of the publisher, with a scripted EventBridge. */
class PublisherBatchTest {

  /** Accepts every entry except the event of version {@code refusedVersion}. */
  private static final class ScriptedBus implements EventBridgeClient {
    final List<List<PutEventsRequestEntry>> batches = new ArrayList<>();
    final long refusedVersion;

    ScriptedBus(long refusedVersion) {
      this.refusedVersion = refusedVersion;
    }

    /** The number (from 1) of the request that fails as a whole; 0 = none. */
    int failingBatch;

    @Override
    public PutEventsResponse putEvents(PutEventsRequest request) {
      batches.add(request.entries());
      if (batches.size() == failingBatch) {
        throw SdkClientException.create("connection reset");
      }
      List<PutEventsResultEntry> results = new ArrayList<>();
      int failed = 0;
      for (PutEventsRequestEntry entry : request.entries()) {
        long version = Json.parse(entry.detail()).path("version").asLong();
        if (version == refusedVersion) {
          failed++;
          results.add(PutEventsResultEntry.builder().errorCode("InternalFailure").build());
        } else {
          results.add(PutEventsResultEntry.builder().eventId("id-" + version).build());
        }
      }
      return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    @Override
    public String serviceName() {
      return "events";
    }

    @Override
    public void close() {}
  }

  @Test
  void sendsBatchesOfTenInOrderAndSkipsWhatIsNoEvent() {
    ScriptedBus bus = new ScriptedBus(-1);
    JsonNode response = new PublisherHandler(bus, "bus").publish(streamEvent(25));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(List.of(10, 10, 5), bus.batches.stream().map(List::size).toList());
    assertEquals("bus", bus.batches.get(0).get(0).eventBusName());
    assertEquals("CounterIncremented", bus.batches.get(2).get(4).detailType());
  }

  @Test
  void reportsEveryEventFromAFailedRequestOn() {
    ScriptedBus bus = new ScriptedBus(-1);
    bus.failingBatch = 2;
    JsonNode response = new PublisherHandler(bus, "bus").publish(streamEvent(25));

    List<String> failed = new ArrayList<>();
    response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    assertEquals(15, failed.size());
    assertEquals(sequenceNumber(11), failed.get(0));
    assertEquals(sequenceNumber(25), failed.get(14));
  }

  @Test
  void reportsTheFirstRefusedEventAndEverythingAfterIt() {
    ScriptedBus bus = new ScriptedBus(14);
    JsonNode response = new PublisherHandler(bus, "bus").publish(streamEvent(25));

    List<String> failed = new ArrayList<>();
    response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
    List<String> expected = new ArrayList<>();
    for (long version = 14; version <= 25; version++) {
      expected.add(sequenceNumber(version));
    }
    assertEquals(expected, failed);
    assertEquals(2, bus.batches.size(), "no batch is sent after a refusal");
  }

  @Test
  void leavesTheStateAfterTheEventOutOfTheDetail() {
    ScriptedBus bus = new ScriptedBus(-1);
    StoredEvent withState =
        ViewStoreContract.event("c1", 1, "CounterCreated")
            .withState(Json.object().put("total", 0), "f1");
    ObjectNode streamEvent = Json.object();
    streamEvent
        .putArray("Records")
        .add(record("INSERT", sequenceNumber(1), EventItems.eventItem(withState)));

    new PublisherHandler(bus, "bus").publish(streamEvent);

    JsonNode detail = Json.parse(bus.batches.get(0).get(0).detail());
    assertEquals(withState.withoutState(), StoredEvent.fromJson(detail));
    assertEquals(false, detail.has("state"));
  }

  @Test
  void sendsEventsInTheCurrentShapeAndKeepsBackWhatItCannotRead() {
    ScriptedBus bus = new ScriptedBus(-1);
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    StoredEvent bumped =
        EventVersionsTest.event("CounterBumped", 1, Json.object().put("amount", 2));
    StoredEvent unknown = EventVersionsTest.event("CounterReset", 1, Json.object());
    records.add(record("INSERT", sequenceNumber(1), EventItems.eventItem(bumped)));
    records.add(record("INSERT", sequenceNumber(2), EventItems.eventItem(unknown)));
    records.add(record("INSERT", sequenceNumber(3), EventItems.eventItem(bumped)));

    JsonNode response =
        new PublisherHandler(bus, "bus", EventUpcaster.of(List.of(UpcastingCounter.VERSION_2)))
            .publish(streamEvent);

    PutEventsRequestEntry sent = bus.batches.get(0).get(0);
    assertEquals(1, bus.batches.get(0).size(), "nothing after the unreadable event is sent");
    assertEquals("CounterIncremented", sent.detailType());
    StoredEvent detail = StoredEvent.fromJson(Json.parse(sent.detail()));
    assertEquals(2, detail.schemaVersion());
    assertEquals(Json.object().put("by", 2), detail.payload());
    assertEquals(List.of(sequenceNumber(2), sequenceNumber(3)), failures(response));
  }

  private static List<String> failures(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.path("batchItemFailures").forEach(f -> ids.add(f.path("itemIdentifier").asText()));
    return ids;
  }

  /**
   * {@code events} events of one counter, with an idempotency item and a TTL removal between them,
   * as the stream delivers them.
   */
  private static ObjectNode streamEvent(int events) {
    ObjectNode event = Json.object();
    ArrayNode records = event.putArray("Records");
    for (long version = 1; version <= events; version++) {
      StoredEvent stored =
          new StoredEvent(
              "Counter",
              "c1",
              version,
              "CounterIncremented",
              1,
              Json.object().put("by", 1),
              EventStoreContract.NOW,
              null,
              "corr",
              "alice",
              "sample.Counting.Counter");
      records.add(record("INSERT", sequenceNumber(version), EventItems.eventItem(stored)));
      if (version == 3) {
        records.add(
            record(
                "INSERT",
                "command",
                EventItems.commandItem(
                    EventStoreContract.meta("cmd"),
                    "Counter#c1",
                    new CommandResult("c1", 3, List.of("CounterIncremented")))));
        records.add(record("REMOVE", "removal", Map.of()));
      }
    }
    return event;
  }

  private static ObjectNode record(
      String eventName, String sequenceNumber, Map<String, AttributeValue> image) {
    ObjectNode record = Json.object();
    record.put("eventName", eventName);
    ObjectNode dynamodb = record.putObject("dynamodb");
    dynamodb.put("SequenceNumber", sequenceNumber);
    if (!image.isEmpty()) {
      dynamodb.set("NewImage", PublisherHandlerTest.image(image));
    }
    return record;
  }

  private static String sequenceNumber(long version) {
    return String.format("%021d", version * 100);
  }
}
