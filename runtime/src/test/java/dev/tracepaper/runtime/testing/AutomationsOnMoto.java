package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.automation.Activities;
import dev.tracepaper.runtime.automation.Automations;
import dev.tracepaper.runtime.automation.DynamoDbLedger;
import dev.tracepaper.runtime.automation.SecretRef;
import dev.tracepaper.runtime.automation.Trigger;
import java.util.List;
import java.util.UUID;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A generated project's automations on moto_server: their side effects performed on its SES, S3,
 * Secrets Manager and Parameter Store and on a local HTTP server standing in for the endpoints,
 * with the ledger in a DynamoDB table of its own, as a deployed automation function has them. Each
 * test starts one ({@link #start}), says what its automations need ({@link #withSenders}, {@link
 * #withBuckets}, {@link #withSecrets}) and delivers a trigger: twice ({@link #deliverTwice}), or
 * through a queue until it is dead-lettered ({@link #deadLetter}).
 *
 * <p>A secret holds the preview's placeholder ({@code «secret <name>»}), so that what is sent
 * equals what the model's tests expect.
 */
public final class AutomationsOnMoto implements AutoCloseable {

  /** Receives before a failing trigger is dead-lettered here (the template's queue has 5). */
  static final int RECEIVES = 3;

  private final MotoServer moto;
  private final HttpStub stub = HttpStub.start();
  private final DynamoDbClient dynamoDb;
  private final String table = "automations-" + UUID.randomUUID();
  private final ObservedEffects effects;

  private AutomationsOnMoto(MotoServer moto) {
    this.moto = moto;
    this.dynamoDb = moto.dynamoDb();
    moto.createEventStoreTable(dynamoDb, table);
    this.effects = new ObservedEffects(moto, stub);
  }

  /** Automations on {@code moto}, with a ledger table of their own. */
  public static AutomationsOnMoto start(MotoServer moto) {
    return new AutomationsOnMoto(moto);
  }

  /** The SES identities the automations send e-mail from. */
  public AutomationsOnMoto withSenders(String... senders) {
    MotoServices.Ses.createIdentities(moto, List.of(senders));
    return this;
  }

  /** The S3 buckets the automations write objects to. */
  public AutomationsOnMoto withBuckets(String... buckets) {
    MotoServices.Buckets.create(moto, List.of(buckets));
    return this;
  }

  /** The secrets the automations read, each holding the preview's placeholder. */
  public AutomationsOnMoto withSecrets(List<SecretRef> secrets) {
    for (SecretRef secret : secrets) {
      String value = RecordingEffects.placeholder(secret.name());
      if (secret.source() == SecretRef.Source.SECRETS_MANAGER) {
        MotoServices.SecretsManager.create(moto, secret, value);
      } else {
        MotoServices.ParameterStore.create(moto, secret, value);
      }
    }
    return this;
  }

  /**
   * Automations with the ledger in this instance's table and the side effects performed on moto and
   * the stub: what a generated automation's handler is created with here.
   */
  public Automations automations() {
    return new Automations(new DynamoDbLedger(dynamoDb, table), effects);
  }

  /** The local server standing in for every HTTP endpoint (it answers 200 until told). */
  public HttpStub endpoints() {
    return stub;
  }

  /**
   * Runs {@code activities} for {@code trigger}, then for the same trigger again, as a redelivery
   * would: answers what the first run performed, each side effect read back from its service; the
   * second must perform nothing.
   */
  public List<Performed> deliverTwice(
      String automation, Trigger trigger, List<SecretRef> secrets, Activities activities) {
    Automations automations = automations();
    effects.clear();
    automations.run(automation, trigger, secrets, activities);
    List<Performed> first = effects.performed();
    automations.run(automation, trigger, secrets, activities);
    List<Performed> again = effects.performed();
    if (again.size() != first.size()) {
      throw new AssertionFailedError(
          "a second delivery of the same trigger performed again: "
              + again.subList(first.size(), again.size()).stream()
                  .map(Performed::describe)
                  .toList());
    }
    return first;
  }

  /**
   * Sends {@code trigger} to a queue whose redrive policy moves a message to a dead-letter queue
   * after {@value #RECEIVES} receives, and delivers it as Lambda's poller does (a batch of one,
   * deleted unless answered as failed) until the queue is empty; fails unless it ended in the
   * dead-letter queue after every receive failed. Answers the number of deliveries.
   */
  public int deadLetter(
      String automation, Trigger trigger, List<SecretRef> secrets, Activities activities) {
    try (SqsClient sqs = moto.sqs()) {
      AutomationQueues.WithDeadLetters queues =
          AutomationQueues.createWithDeadLetters(
              sqs, "automation-" + UUID.randomUUID(), 0, RECEIVES);
      String queue = queues.queue();
      String deadLetters = queues.deadLetters();
      Automations automations =
          new Automations(new DynamoDbLedger(dynamoDb, table), effects, sqs, queue);
      String body = Json.write(body(trigger));
      sqs.sendMessage(r -> r.queueUrl(queue).messageBody(body));
      int deliveries = 0;
      for (Message message = AutomationQueues.receive(sqs, queue);
          message != null;
          message = AutomationQueues.receive(sqs, queue)) {
        deliveries++;
        JsonNode answer =
            AutomationQueues.deliver(automations, automation, secrets, activities, message);
        if (answer.path("batchItemFailures").size() != 1) {
          throw new AssertionFailedError("delivery " + deliveries + " of the trigger succeeded");
        }
        // The backoff hid it for a while; here that while passes at once.
        String receipt = message.receiptHandle();
        sqs.changeMessageVisibility(
            r -> r.queueUrl(queue).receiptHandle(receipt).visibilityTimeout(0));
      }
      List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(deadLetters)).messages();
      if (deliveries != RECEIVES || dead.size() != 1 || !dead.get(0).body().equals(body)) {
        throw new AssertionFailedError(
            "after "
                + deliveries
                + " failed deliveries the dead-letter queue holds "
                + dead.size()
                + " messages, not the trigger");
      }
      return deliveries;
    }
  }

  /** The message the trigger arrives as: the bus event, or the schedule's or deployment's. */
  static JsonNode body(Trigger trigger) {
    if (trigger.event().isPresent()) {
      return BusEvents.of(trigger.event().get());
    }
    ObjectNode body = Json.object();
    if (trigger.id().equals(trigger.time().toString())) {
      return body.put("schedule", trigger.id());
    }
    return body.put("deployment", trigger.id()).put("time", trigger.time().toString());
  }

  @Override
  public void close() {
    stub.close();
    dynamoDb.close();
  }
}
