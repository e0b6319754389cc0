package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AttributeValues;
import dev.tracepaper.runtime.DynamoDbEventStore;
import dev.tracepaper.runtime.DynamoDbViewStore;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.ProjectorHandler;
import dev.tracepaper.runtime.PublisherHandler;
import dev.tracepaper.runtime.StoredEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A scenario on moto_server, wired as the SAM template wires production: the handlers on a DynamoDB
 * event store table with a stream; the stream delivered to the projector (views in DynamoDB tables,
 * with the bookkeeping table) and to the publisher, which puts the events on an EventBridge bus; a
 * rule per policy routes its trigger to the policy's SQS queue, whose messages are handed to the
 * policy's handler as Lambda hands an SQS batch. Lambda's polling is played by {@link #settle}, a
 * round at a time.
 */
final class MotoBackEnd implements ScenarioBackEnd {

  /** Rounds of deliveries before {@link #settle} gives up on a chain of policies. */
  private static final int MAX_ROUNDS = 50;

  private final ScenarioApi api;
  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final EventBridgeClient eventBridge;
  private final SqsClient sqs;
  private final Clock clock;
  private final String prefix = "scenario-" + UUID.randomUUID() + ".";
  private final DynamoDbEventStore events;
  private final DynamoDbViewStore views;
  private final ProjectorHandler projector;
  private final PublisherHandler publisher;
  private final StreamDelivery toProjector;
  private final StreamDelivery toPublisher;
  private final Map<ScenarioApi.Policy, String> queues = new LinkedHashMap<>();

  MotoBackEnd(ScenarioApi api, MotoServer moto, Clock clock) {
    this.clock = clock;
    this.api = api;
    this.dynamoDb = moto.dynamoDb();
    this.streams = moto.dynamoDbStreams();
    this.eventBridge = moto.eventBridge();
    this.sqs = moto.sqs();
    String eventTable = prefix + "events";
    moto.createEventStoreTable(dynamoDb, eventTable);
    events = new DynamoDbEventStore(dynamoDb, eventTable);
    String bookkeeping = prefix + "bookkeeping";
    createTable(bookkeeping, "pk", "sk");
    for (Projection view : api.projections) {
      createTable(prefix + view.tableVariable(), view.keyField(), null);
    }
    views = new DynamoDbViewStore(dynamoDb, variable -> prefix + variable, bookkeeping, clock);
    projector = new ProjectorHandler(views, events, api.projections);
    String bus = "scenario-bus-" + UUID.randomUUID();
    eventBridge.createEventBus(r -> r.name(bus));
    publisher = new PublisherHandler(eventBridge, bus);
    int n = 0;
    for (ScenarioApi.Policy policy : api.policies) {
      queues.put(policy, route(bus, policy, "policy-" + n++));
    }
    toProjector = StreamDelivery.of(dynamoDb, streams, eventTable);
    toPublisher = StreamDelivery.of(dynamoDb, streams, eventTable);
  }

  private void createTable(String name, String hash, String range) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    List<KeySchemaElement> keys = new ArrayList<>();
    attributes.add(attribute(hash));
    keys.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
    if (range != null) {
      attributes.add(attribute(range));
      keys.add(KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }
    dynamoDb.createTable(
        r ->
            r.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  /** The policy's queue, and the rule that sends it its trigger (as stack.ftl writes it). */
  private String route(String bus, ScenarioApi.Policy policy, String name) {
    String queueUrl = sqs.createQueue(r -> r.queueName(name + "-" + UUID.randomUUID())).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    ObjectNode pattern = Json.object();
    pattern.putArray("source").add(policy.source());
    pattern.putArray("detail-type").add(policy.eventType());
    eventBridge.putRule(r -> r.name(name).eventBusName(bus).eventPattern(Json.write(pattern)));
    eventBridge.putTargets(
        r ->
            r.rule(name)
                .eventBusName(bus)
                .targets(Target.builder().id("queue").arn(queueArn).build()));
    return queueUrl;
  }

  @Override
  public JsonNode mutate(ScenarioApi.Command command, JsonNode appSyncEvent) {
    return AppSyncEvents.invoke(command.handler().apply(events, clock), appSyncEvent);
  }

  @Override
  public void settle() {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      failures("the projector", toProjector.deliverNew(projector));
      failures("the publisher", toPublisher.deliverNew(publisher));
      boolean delivered = false;
      for (Map.Entry<ScenarioApi.Policy, String> queue : queues.entrySet()) {
        delivered |= deliver(queue.getKey(), queue.getValue());
      }
      if (!delivered) {
        return;
      }
    }
    throw new AssertionFailedError(
        "the policies still had deliveries after " + MAX_ROUNDS + " rounds: do they loop?");
  }

  /** Hands the queue's messages to the policy as one SQS batch; answers whether there were any. */
  private boolean deliver(ScenarioApi.Policy policy, String queueUrl) {
    List<Message> messages =
        sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
    if (messages.isEmpty()) {
      return false;
    }
    ObjectNode batch = Json.object();
    ArrayNode records = batch.putArray("Records");
    for (Message message : messages) {
      records
          .addObject()
          .put("messageId", message.messageId())
          .put("receiptHandle", message.receiptHandle())
          .put("body", message.body())
          .put("eventSource", "aws:sqs");
    }
    JsonNode answer = AppSyncEvents.invoke(policy.handler().apply(events, clock), batch);
    failures("the policy " + policy.name(), answer);
    for (Message message : messages) {
      sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
    }
    return true;
  }

  private static void failures(String who, JsonNode answer) {
    if (answer != null && answer.path("batchItemFailures").size() > 0) {
      throw new AssertionFailedError(
          who
              + " failed to handle "
              + answer.path("batchItemFailures")
              + " (in production it is retried, then dead-lettered; its log says why)");
    }
  }

  @Override
  public Optional<ObjectNode> row(Projection view, String key) {
    return views.read(view, key).live();
  }

  @Override
  public List<ObjectNode> rows(Projection view) {
    Map<String, ObjectNode> live = new TreeMap<>();
    dynamoDb
        .scanPaginator(r -> r.tableName(prefix + view.tableVariable()).consistentRead(true))
        .items()
        .forEach(
            item -> {
              AttributeValue deleted = item.get("_deleted");
              if (deleted == null || !Boolean.TRUE.equals(deleted.bool())) {
                live.put(item.get(view.keyField()).s(), AttributeValues.fields(item));
              }
            });
    return List.copyOf(live.values());
  }

  @Override
  public boolean eventual() {
    return true;
  }

  @Override
  public List<StoredEvent> recorded() {
    return List.of();
  }

  @Override
  public void close() {
    dynamoDb.close();
    streams.close();
    eventBridge.close();
    sqs.close();
  }
}
