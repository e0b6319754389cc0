package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Where the publisher puts an event the bus can never take (poison), so that the events after it
 * are not held up: the publisher's dead-letter queue. The message holds the event itself, not a
 * stream position (which expires with the stream's 24 hours), and the republish function's request
 * that sends it again once its cause is fixed:
 *
 * <pre>{@code
 * {"parkedBy": "publisher", "reason": "...", "event": {<the EventBridge detail>},
 *  "republish": {"events": [{"stream": "Book#b-1", "version": 3}]}}
 * }</pre>
 */
@FunctionalInterface
public interface EventParking {

  /** Parks nothing: a poison event is kept back and retried, as any failure. */
  EventParking NONE = (event, reason) -> false;

  /**
   * SQS's bound on a message (1 MiB); an event item holds at most 400 KB, so its message fits, but
   * should it not, the payload is left out: the event store still holds it.
   */
  int MAX_MESSAGE_BYTES = 1024 * 1024;

  /** Parks {@code event}; answers whether it is parked (false: the caller retries it later). */
  boolean park(StoredEvent event, String reason);

  /** Parks events as messages of the queue {@code queueUrl}. */
  static EventParking queue(SqsClient sqs, String queueUrl) {
    return (event, reason) -> {
      try {
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(message(event, reason)));
        Log.warn(
            "Parked an event in the dead-letter queue",
            null,
            "event",
            event.streamId() + "@" + event.version(),
            "reason",
            reason);
        return true;
      } catch (SdkException e) {
        Log.error(
            "Parking an event failed; it is sent again later",
            e,
            "event",
            event.streamId() + "@" + event.version());
        return false;
      }
    };
  }

  /** The message of a parked event. */
  static String message(StoredEvent event, String reason) {
    ObjectNode message = Json.object();
    message.put("parkedBy", "publisher");
    message.put("reason", reason);
    ObjectNode detail = event.withoutState().toJson();
    message.set("event", detail);
    message
        .putObject("republish")
        .putArray("events")
        .addObject()
        .put("stream", event.streamId())
        .put("version", event.version());
    String body = Json.write(message);
    if (body.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
      detail.remove("payload");
      detail.put("payloadOmitted", true);
      body = Json.write(message);
    }
    return body;
  }
}
