package dev.tracepaper.runtime.automation;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AwsClients;
import dev.tracepaper.runtime.Invocation;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Log;
import dev.tracepaper.runtime.Metrics;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the automations of a generated project, one Lambda function each. Every trigger reaches the
 * function through the automation's SQS queue: a bus event (an EventBridge rule), {@code
 * {"schedule": ...}} (EventBridge Scheduler), {@code {"deployment": ...}} (sent by the function
 * itself when CloudFormation's custom resource calls it after a deployment). A failed run is
 * answered in {@code batchItemFailures} and hidden for 30 s, 60 s, 120 s, ... before its next
 * delivery; after the queue's receive count SQS moves it to the automation's dead-letter queue. The
 * {@link Ledger} makes a redelivered trigger perform each side effect once ({@link Run}).
 */
public final class Automations {

  /** The automation's queue, for its retries' backoff and its deployment runs. */
  public static final String QUEUE_VARIABLE = "AUTOMATION_QUEUE_URL";

  private final Ledger ledger;
  private final Effects effects;
  private final Optional<AutomationQueue> queue;
  private final Clock clock;
  private HttpClient http;

  /** Without a queue: a failed run waits the queue's visibility timeout; no deployment hook. */
  public Automations(Ledger ledger, Effects effects) {
    this(ledger, effects, Optional.empty());
  }

  /** With the automation's queue at {@code queueUrl}. */
  public Automations(Ledger ledger, Effects effects, SqsClient sqs, String queueUrl) {
    this(ledger, effects, Optional.of(new AutomationQueue(sqs, queueUrl)));
  }

  private Automations(Ledger ledger, Effects effects, Optional<AutomationQueue> queue) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.effects = Objects.requireNonNull(effects, "effects");
    this.queue = queue;
    this.clock = Clock.systemUTC();
  }

  /**
   * A deployed function's: the ledger in the event store's table ({@code EVENT_STORE_TABLE}), the
   * AWS services ({@link AwsEffects}, each client built on first use), the queue {@value
   * #QUEUE_VARIABLE}.
   */
  public static Automations fromEnvironment() {
    return new Automations(
        DynamoDbLedger.fromEnvironment(),
        new AwsEffects(),
        AwsClients.sqs(),
        AwsClients.environment(QUEUE_VARIABLE));
  }

  /**
   * The Lambda entry: reads a queue batch, CloudFormation's custom-resource request, or one message
   * body sent directly (an operator, a test), and runs it. A batch is answered with {@code
   * {"batchItemFailures": [...]}}; a direct message's failure is thrown.
   */
  public void handle(
      InputStream in,
      OutputStream out,
      Context context,
      String automation,
      List<SecretRef> secrets,
      Activities activities) {
    JsonNode input = Json.read(in);
    Invocation.begin(context).put("automation", automation);
    JsonNode answer;
    if (input.has("Records")) {
      answer = batch(input, automation, secrets, activities);
    } else if (DeploymentHook.isRequest(input)) {
      answer = new DeploymentHook(queue, http()).handle(automation, input, clock.instant());
    } else {
      Trigger trigger = Deliveries.trigger(input);
      run(automation, trigger, secrets, activities);
      answer = Json.object().put("trigger", trigger.id());
    }
    Json.write(out, answer);
  }

  /** One run of one trigger; a failure is logged, counted and thrown. */
  public void run(
      String automation, Trigger trigger, List<SecretRef> secrets, Activities activities) {
    Invocation.current().put("automation", automation).put("trigger", trigger.id());
    try {
      activities.perform(new Run(automation, trigger, secrets, ledger, effects, clock));
    } catch (RuntimeException e) {
      Log.warn("Automation failed; its trigger is delivered again", e);
      count(automation, "AutomationFailed");
      throw e;
    }
    count(automation, "AutomationSucceeded");
  }

  private ObjectNode batch(
      JsonNode sqsEvent, String automation, List<SecretRef> secrets, Activities activities) {
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    for (JsonNode record : sqsEvent.path("Records")) {
      Trigger trigger;
      try {
        trigger = Deliveries.trigger(Json.parse(record.path("body").asText()));
      } catch (RuntimeException e) {
        Log.warn("Not a trigger of an automation; after its retries it is dead-lettered", e);
        failed(record, failures);
        continue;
      }
      try {
        run(automation, trigger, secrets, activities);
      } catch (RuntimeException e) {
        // run logged and counted it
        failed(record, failures);
      }
    }
    return response;
  }

  /** Answers the record as failed and hides it for longer than the last time. */
  private void failed(JsonNode record, ArrayNode failures) {
    failures.addObject().put("itemIdentifier", record.path("messageId").asText());
    int receiveCount = record.path("attributes").path("ApproximateReceiveCount").asInt(1);
    queue.ifPresent(q -> q.backoff(record.path("receiptHandle").asText(), receiveCount));
  }

  private static void count(String automation, String outcome) {
    Metrics.of(outcome).dimension("Automation", automation).count(outcome, 1, "Automation").emit();
  }

  /** The HTTP client that answers CloudFormation, built on first use. */
  private synchronized HttpClient http() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
    return http;
  }
}
