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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Forwards every event appended to the event store to the app's EventBridge bus: the DynamoDB
 * stream of the table triggers it. {@code source} is the aggregate's source, {@code detail-type}
 * the event type, {@code detail} the {@link StoredEvent#toJson() stored event} without the state
 * that aggregates feeding {@code from} views store with each event. Items that are not events
 * (idempotency items) and removals (TTL expiry) are skipped; the template's filter on the event
 * source mapping keeps them from reaching the function at all.
 *
 * <p>Records are sent in order, in requests within PutEvents' limits of 10 entries and 256 KB
 * ({@link Publication}). An event the bus can never take (an entry over 256 KB, or one refused as
 * invalid) is poison: it is parked in the publisher's dead-letter queue, the event itself ({@link
 * EventParking}), and the records after it go on. At the first record that failed otherwise, the
 * handler stops and reports it and every record after it as failed ({@code batchItemFailures}, with
 * {@code ReportBatchItemFailures} on the event source mapping): Lambda retries from there, so no
 * event is lost and order per shard is kept. Records of that batch after the failed one may then be
 * delivered twice; EventBridge delivery is at least once anyway, and consumers skip versions they
 * have seen.
 *
 * <p>What goes on the bus is the event in the shape the current model writes: each event is upcast
 * ({@link AggregateType#upcast}) before it is sent, so an event written by the code deployed before
 * (a stream record read after a deployment) reaches the policies under its current name and
 * version. An event the code cannot read ({@link UnreadableEventException}) is not sent: it and the
 * records after it are reported failed, and end in the dead-letter queue after the retries (as a
 * stream position: deploying code that reads it, then republishing, sends it). A generated project
 * extends this class with its aggregates ({@code EventPublisher}).
 */
public class PublisherHandler implements RequestStreamHandler {

  private final Publication publication;
  private final EventUpcaster upcaster;

  /**
   * For the generated project's handler class, which names the model's aggregates (the runtime
   * knows no model): the shared clients, the bus {@code EVENT_BUS_NAME} and the dead-letter queue
   * {@code DEAD_LETTER_QUEUE_URL}, where poison events are parked; primed before the SnapStart
   * snapshot ({@link Priming#publisher()}).
   */
  protected PublisherHandler(EventUpcaster upcaster) {
    this(
        AwsClients.eventBridge(),
        AwsClients.environment("EVENT_BUS_NAME"),
        upcaster,
        EventParking.queue(AwsClients.sqs(), AwsClients.environment("DEAD_LETTER_QUEUE_URL")));
    Priming.beforeSnapshot(getClass(), Priming::publisher);
  }

  /** A publisher that sends events as they were stored and parks nothing. */
  public PublisherHandler(EventBridgeClient eventBridge, String busName) {
    this(eventBridge, busName, EventUpcaster.NONE);
  }

  /** A publisher that parks nothing: a poison event is retried as any failure. */
  public PublisherHandler(EventBridgeClient eventBridge, String busName, EventUpcaster upcaster) {
    this(eventBridge, busName, upcaster, EventParking.NONE);
  }

  public PublisherHandler(
      EventBridgeClient eventBridge, String busName, EventUpcaster upcaster, EventParking parking) {
    this.publication = new Publication(eventBridge, busName, parking);
    this.upcaster = upcaster;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Json.write(out, publish(Json.read(in)));
  }

  /**
   * Publishes the events of a DynamoDB stream event; answers the failed records. Counts the records
   * not published ({@code PublishFailures}) and the events upcast ({@code Upcasts}).
   */
  public ObjectNode publish(JsonNode streamEvent) {
    int upcastsBefore = Invocation.current().upcasts();
    List<String> sequenceNumbers = new ArrayList<>();
    List<StoredEvent> events = new ArrayList<>();
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
      if (events.size() < sequenceNumbers.size() - 1) {
        continue;
      }
      try {
        events.add(upcaster.upcast(EventItems.storedEvent(item)));
      } catch (UnreadableEventException e) {
        // Sent as stored, it would reach the policies in a shape they cannot read: kept back, as
        // the records after it, so that order per shard holds.
        Log.error(
            "A stored event cannot be read; it and the records after it are not published",
            e,
            "sequenceNumber",
            sequenceNumber);
      }
    }
    int done = publication.send(events).done();
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (String sequenceNumber : sequenceNumbers.subList(done, sequenceNumbers.size())) {
      failures.addObject().put("itemIdentifier", sequenceNumber);
    }
    Metrics.of("Published a batch")
        .dimension("Function", "Publisher")
        .count("PublishFailures", failures.size(), "Function")
        .count("Upcasts", Invocation.current().upcasts() - upcastsBefore, "Function")
        .emit();
    return response;
  }
}
