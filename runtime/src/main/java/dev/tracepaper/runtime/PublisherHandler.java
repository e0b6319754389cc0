package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Forwards every event appended to the event store to the app's EventBridge bus: the DynamoDB
 * stream of the table triggers it. {@code source} is the aggregate's source, {@code detail-type}
 * the event type, {@code detail} the {@link StoredEvent#toJson() stored event} without the state
 * that aggregates feeding {@code from} views store with each event. Items that are not events
 * (idempotency items) and removals (TTL expiry) are skipped.
 *
 * <p>Records are sent in order, in batches of at most 10 (the PutEvents limit). At the first record
 * EventBridge refuses, the handler stops and reports it and every record after it as failed ({@code
 * batchItemFailures}, with {@code ReportBatchItemFailures} on the event source mapping): Lambda
 * retries from there, so no event is lost and order per shard is kept. Records of that batch after
 * the failed one may then be delivered twice; EventBridge delivery is at least once anyway, and
 * consumers skip versions they have seen.
 *
 * <p>What goes on the bus is the event in the shape the current model writes: each event is upcast
 * ({@link AggregateType#upcast}) before it is sent, so an event written by the code deployed before
 * (a stream record read after a deployment) reaches the policies under its current name and
 * version. An event the code cannot read ({@link UnreadableEventException}) is not sent: it and the
 * records after it are reported failed, and end in the dead-letter queue after the retries. A
 * generated project extends this class with its aggregates ({@code EventPublisher}).
 */
public class PublisherHandler implements RequestStreamHandler {

  static final int MAX_BATCH = 10;

  private final EventBridgeClient eventBridge;
  private final String busName;
  private final EventUpcaster upcaster;

  /**
   * For the generated project's handler class, which names the model's aggregates (the runtime
   * knows no model): the shared client and the bus {@code EVENT_BUS_NAME}; primed before the
   * SnapStart snapshot ({@link Priming#publisher()}).
   */
  protected PublisherHandler(EventUpcaster upcaster) {
    this(AwsClients.eventBridge(), AwsClients.environment("EVENT_BUS_NAME"), upcaster);
    Priming.beforeSnapshot(getClass(), Priming::publisher);
  }

  /** A publisher that sends events as they were stored. */
  public PublisherHandler(EventBridgeClient eventBridge, String busName) {
    this(eventBridge, busName, EventUpcaster.NONE);
  }

  public PublisherHandler(EventBridgeClient eventBridge, String busName, EventUpcaster upcaster) {
    this.eventBridge = eventBridge;
    this.busName = busName;
    this.upcaster = upcaster;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Invocation.begin(context);
    Json.write(out, publish(Json.read(in)));
  }

  /**
   * Publishes the events of a DynamoDB stream event; answers the failed records. Counts the records
   * not published ({@code PublishFailures}) and the events upcast ({@code Upcasts}).
   */
  public ObjectNode publish(JsonNode streamEvent) {
    int upcastsBefore = Invocation.current().upcasts();
    List<String> sequenceNumbers = new ArrayList<>();
    List<PutEventsRequestEntry> entries = new ArrayList<>();
    int unreadable = -1;
    for (JsonNode record : streamEvent.path("Records")) {
      JsonNode image = record.path("dynamodb").path("NewImage");
      if ("REMOVE".equals(record.path("eventName").asText()) || !image.isObject()) {
        continue;
      }
      Map<String, AttributeValue> item = EventItems.fromStreamImage(image);
      if (!EventItems.isEvent(item)) {
        continue;
      }
      String sequenceNumber = record.path("dynamodb").path("SequenceNumber").asText();
      sequenceNumbers.add(sequenceNumber);
      if (unreadable >= 0) {
        continue;
      }
      try {
        entries.add(entry(upcaster.upcast(EventItems.storedEvent(item))));
      } catch (UnreadableEventException e) {
        // Sent as stored, it would reach the policies in a shape they cannot read: kept back, as
        // the records after it, so that order per shard holds.
        Log.error(
            "A stored event cannot be read; it and the records after it are not published",
            e,
            "sequenceNumber",
            sequenceNumber);
        unreadable = entries.size();
      }
    }
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    boolean sendFailed = false;
    for (int from = 0; from < entries.size(); from += MAX_BATCH) {
      int to = Math.min(from + MAX_BATCH, entries.size());
      int failed;
      try {
        failed = firstFailed(entries.subList(from, to));
      } catch (SdkException e) {
        // The SDK has retried already; Lambda retries this batch and the rest later.
        Log.warn("PutEvents failed; Lambda retries the batch", e);
        failed = 0;
      }
      if (failed >= 0) {
        for (String sequenceNumber :
            sequenceNumbers.subList(from + failed, sequenceNumbers.size())) {
          failures.addObject().put("itemIdentifier", sequenceNumber);
        }
        sendFailed = true;
        break;
      }
    }
    if (unreadable >= 0 && !sendFailed) {
      for (String sequenceNumber : sequenceNumbers.subList(unreadable, sequenceNumbers.size())) {
        failures.addObject().put("itemIdentifier", sequenceNumber);
      }
    }
    Metrics.of("Published a batch")
        .dimension("Function", "Publisher")
        .count("PublishFailures", failures.size(), "Function")
        .count("Upcasts", Invocation.current().upcasts() - upcastsBefore, "Function")
        .emit();
    return response;
  }

  private PutEventsRequestEntry entry(StoredEvent event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.type())
        // The state after the event is internal (for views) and would eat the 256 KB entry limit.
        .detail(Json.write(event.withoutState().toJson()))
        .time(event.timestamp())
        .build();
  }

  /** Sends one batch; answers the index of the first entry EventBridge refused, or -1. */
  private int firstFailed(List<PutEventsRequestEntry> batch) {
    PutEventsResponse response = eventBridge.putEvents(request -> request.entries(batch));
    if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
      return -1;
    }
    List<PutEventsResultEntry> results = response.entries();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).errorCode() != null) {
        Log.warn(
            "EventBridge refused an entry; Lambda retries from it",
            null,
            "errorCode",
            results.get(i).errorCode(),
            "errorMessage",
            results.get(i).errorMessage());
        return i;
      }
    }
    return 0;
  }
}
