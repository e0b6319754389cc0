package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.StreamDelivery;
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

    /** The version refused as invalid, which no retry changes; -1 = none. */
    long malformedVersion = -1;

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
        } else if (version == malformedVersion) {
          failed++;
          results.add(
              PutEventsResultEntry.builder()
                  .errorCode("MalformedDetail")
                  .errorMessage("Detail is malformed.")
                  .build());
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

  /** Remembers what it parks; refuses to park while {@code down}. */
  private static final class RecordingParking implements EventParking {
    final List<String> parked = new ArrayList<>();
    boolean down;

    @Override
    public boolean park(StoredEvent event, String reason) {
      if (down) {
        return false;
      }
      parked.add(event.streamId() + "@" + event.version() + ": " + reason);
      return true;
    }
  }

  @Test
  void measuresAnEntryAsEventBridgeDoes() {
    PutEventsRequestEntry entry =
        PutEventsRequestEntry.builder()
            .eventBusName("a bus name that does not count")
            .source("shop.Sales.Order")
            .detailType("OrderPlaced")
            .detail("{\"name\":\"Zoë ✓\"}")
            .resources("arn:x")
            .time(EventStoreContract.NOW)
            .build();
    // 14 for the time, then UTF-8 bytes: the detail's 16 characters are 19 bytes (ë 2, ✓ 3).
    assertEquals(14 + 16 + 11 + 19 + 5, Publication.entrySize(entry));
    assertEquals(
        16 + 11,
        Publication.entrySize(
            entry.toBuilder().time(null).detail(null).resources(List.of()).build()));
  }

  @Test
  void keepsEachRequestWithinTheBytesPutEventsTakes() {
    ScriptedBus bus = new ScriptedBus(-1);
    // 60,000 bytes of payload each: four fit in 256 KB, five do not.
    JsonNode response = new PublisherHandler(bus, "bus").publish(streamEvent(9, 60_000));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(List.of(4, 4, 1), bus.batches.stream().map(List::size).toList());
    for (List<PutEventsRequestEntry> batch : bus.batches) {
      int bytes = batch.stream().mapToInt(Publication::entrySize).sum();
      assertTrue(bytes <= Publication.MAX_REQUEST_BYTES, "a request of " + bytes + " bytes");
    }
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), sentVersions(bus));
  }

  @Test
  void parksAnEventTooLargeForTheBusAndGoesOn() {
    ScriptedBus bus = new ScriptedBus(-1);
    RecordingParking parking = new RecordingParking();
    ObjectNode streamEvent = streamEvent(5, 0);
    // Version 3 grows past 256 KB on its own.
    replacePayload(streamEvent, 3, 270_000);

    JsonNode response =
        new PublisherHandler(bus, "bus", EventUpcaster.NONE, parking).publish(streamEvent);

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(List.of(1L, 2L, 4L, 5L), sentVersions(bus));
    assertEquals(List.of(2, 2), bus.batches.stream().map(List::size).toList());
    assertEquals(1, parking.parked.size());
    assertTrue(parking.parked.get(0).startsWith("Counter#c1@3: its PutEvents entry has 270"));
  }

  @Test
  void parksAnEventTheBusRefusesAsInvalidAndGoesOn() {
    ScriptedBus bus = new ScriptedBus(-1);
    bus.malformedVersion = 12;
    RecordingParking parking = new RecordingParking();

    JsonNode response =
        new PublisherHandler(bus, "bus", EventUpcaster.NONE, parking).publish(streamEvent(25, 0));

    assertEquals(0, response.path("batchItemFailures").size());
    assertEquals(List.of(10, 10, 5), bus.batches.stream().map(List::size).toList());
    assertEquals(
        List.of("Counter#c1@12: EventBridge refused it: MalformedDetail Detail is malformed."),
        parking.parked);
  }

  @Test
  void keepsAPoisonEventBackWhenItCannotBeParked() {
    ScriptedBus bus = new ScriptedBus(-1);
    bus.malformedVersion = 12;
    RecordingParking parking = new RecordingParking();
    parking.down = true;

    JsonNode response =
        new PublisherHandler(bus, "bus", EventUpcaster.NONE, parking).publish(streamEvent(25, 0));

    List<String> expected = new ArrayList<>();
    for (long version = 12; version <= 25; version++) {
      expected.add(sequenceNumber(version));
    }
    assertEquals(expected, failures(response));
    assertEquals(2, bus.batches.size(), "no request is sent after the failure");
  }

  @Test
  void aTransientRefusalAfterAParkedEventStopsThereOnly() {
    ScriptedBus bus = new ScriptedBus(14);
    bus.malformedVersion = 12;
    RecordingParking parking = new RecordingParking();

    JsonNode response =
        new PublisherHandler(bus, "bus", EventUpcaster.NONE, parking).publish(streamEvent(25, 0));

    assertEquals(sequenceNumber(14), failures(response).get(0));
    assertEquals(12, failures(response).size());
    assertEquals(1, parking.parked.size());
  }

  private static List<Long> sentVersions(ScriptedBus bus) {
    List<Long> versions = new ArrayList<>();
    bus.batches.forEach(
        batch ->
            batch.forEach(
                entry -> versions.add(Json.parse(entry.detail()).path("version").asLong())));
    return versions;
  }

  /** Gives the event of {@code version} a payload of about {@code bytes} bytes. */
  private static void replacePayload(ObjectNode streamEvent, long version, int bytes) {
    for (JsonNode record : streamEvent.path("Records")) {
      JsonNode image = record.path("dynamodb").path("NewImage");
      if (image.path("sk").path("N").asText().equals(Long.toString(version))) {
        ((ObjectNode) image.path("payload"))
            .put("S", Json.write(Json.object().put("by", 1).put("note", "x".repeat(bytes))));
      }
    }
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
    return streamEvent(events, 0);
  }

  /** As {@link #streamEvent(int)}, each payload with a note of {@code noteBytes} characters. */
  private static ObjectNode streamEvent(int events, int noteBytes) {
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
              noteBytes == 0
                  ? Json.object().put("by", 1)
                  : Json.object().put("by", 1).put("note", "x".repeat(noteBytes)),
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
      dynamodb.set("NewImage", StreamDelivery.image(image));
    }
    return record;
  }

  private static String sequenceNumber(long version) {
    return String.format("%021d", version * 100);
  }
}
