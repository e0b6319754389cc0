package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.automation.Activities;
import dev.tracepaper.runtime.automation.Automations;
import dev.tracepaper.runtime.automation.SecretRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What Lambda's queue poller does for an automation's function, for tests on a real queue. */
public final class AutomationQueues {

  private AutomationQueues() {}

  /** A queue, and the dead-letter queue its redrive policy moves a message to. */
  public record WithDeadLetters(String queue, String deadLetters) {}

  /**
   * Creates the queue {@code name} with a visibility timeout of {@code visibilitySeconds} and a
   * redrive policy to a new queue {@code <name>-dlq} after {@code maxReceiveCount} receives, as the
   * generated template makes a function's queue.
   */
  public static WithDeadLetters createWithDeadLetters(
      SqsClient sqs, String name, int visibilitySeconds, int maxReceiveCount) {
    String deadLetters = sqs.createQueue(r -> r.queueName(name + "-dlq")).queueUrl();
    String arn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(deadLetters).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String queue =
        sqs.createQueue(
                r ->
                    r.queueName(name)
                        .attributes(
                            Map.of(
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                String.valueOf(visibilitySeconds),
                                QueueAttributeName.REDRIVE_POLICY,
                                "{\"deadLetterTargetArn\": \""
                                    + arn
                                    + "\", \"maxReceiveCount\": \""
                                    + maxReceiveCount
                                    + "\"}")))
            .queueUrl();
    return new WithDeadLetters(queue, deadLetters);
  }

  /** The next message of {@code queue} with its receive count, or null when none is visible. */
  public static Message receive(SqsClient sqs, String queue) {
    List<Message> messages =
        sqs.receiveMessage(
                r ->
                    r.queueUrl(queue)
                        .maxNumberOfMessages(1)
                        .messageSystemAttributeNames(
                            MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
            .messages();
    return messages.isEmpty() ? null : messages.get(0);
  }

  /**
   * {@code message} delivered to the function as a batch of one; answers the function's answer
   * ({@code batchItemFailures} names it when the run failed). Deleting it is the caller's part.
   */
  public static JsonNode deliver(
      Automations automations,
      String automation,
      List<SecretRef> secrets,
      Activities activities,
      Message message) {
    ObjectNode event = Json.object();
    ObjectNode record = event.putArray("Records").addObject();
    record
        .put("messageId", message.messageId())
        .put("receiptHandle", message.receiptHandle())
        .put("body", message.body())
        .put("eventSource", "aws:sqs");
    record
        .putObject("attributes")
        .put(
            "ApproximateReceiveCount",
            message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    automations.handle(
        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
        out,
        null,
        automation,
        secrets,
        activities);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }
}
