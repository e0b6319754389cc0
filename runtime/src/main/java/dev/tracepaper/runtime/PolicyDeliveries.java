package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How a policy function receives its events: from its SQS queue, which the bus's rule fills, in
 * batches whose records each carry one bus event as their body. Each delivery runs on its own; the
 * ones that fail are answered in {@code batchItemFailures} (the event source mapping has {@code
 * ReportBatchItemFailures}), so that only they are seen again after the queue's visibility timeout
 * and, after the queue's receive count, move to the policy's dead-letter queue; the others of the
 * batch are done. A bus event sent to the function directly (a test, an operator, an asynchronous
 * invocation queued before the queue existed) runs alone, and its failure is thrown.
 */
public final class PolicyDeliveries {

  /**
   * One delivery: the policy run on one bus event ({@code source}, {@code detail-type}, {@code
   * detail}).
   */
  @FunctionalInterface
  public interface Delivery {
    /** Runs the policy; answers its result; a failure is thrown. */
    JsonNode run(JsonNode busEvent);
  }

  private PolicyDeliveries() {}

  /** Reads a function's input (a queue batch or one bus event), runs it, writes the answer. */
  public static void handle(InputStream in, OutputStream out, Delivery delivery) {
    JsonNode input = Json.read(in);
    Json.write(out, input.has("Records") ? batch(input, delivery) : delivery.run(input));
  }

  /** Runs every record of a queue batch; answers the failed ones. */
  public static ObjectNode batch(JsonNode sqsEvent, Delivery delivery) {
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (JsonNode record : sqsEvent.path("Records")) {
      String messageId = record.path("messageId").asText();
      try {
        delivery.run(Json.parse(record.path("body").asText()));
      } catch (RuntimeException e) {
        // The delivery logged why (Policies); the queue delivers it again.
        Log.warn("Delivery failed; the queue delivers it again", null, "messageId", messageId);
        failures.addObject().put("itemIdentifier", messageId);
      }
    }
    return response;
  }
}
