package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The publisher, end to end on moto_server: commands append events, the table's stream records go
 * through the handler, and the events arrive on the bus, where a rule routes them to a queue.
 */
class PublisherHandlerTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void publishesEveryStoredEventToTheBus() throws Exception {
    try (DynamoDbClient dynamoDb = MOTO.dynamoDb();
        DynamoDbStreamsClient streams = MOTO.dynamoDbStreams();
        EventBridgeClient eventBridge = MOTO.eventBridge();
        SqsClient sqs = MOTO.sqs()) {
      MOTO.createEventStoreTable(dynamoDb, "publisher-test");
      String queueUrl = routeToQueue(eventBridge, sqs, "sample-bus", "published");
      EventStore store = new DynamoDbEventStore(dynamoDb, "publisher-test");
      CommandRunner<Counter.State, Counter.Event> runner =
          new CommandRunner<>(store, Counter.PLAIN);
      Metadata meta = EventStoreContract.meta("publish-1");
      runner.run("c1", Existence.NEW, meta, state -> List.of(new Counter.Created()));
      runner.run(
          "c1",
          Existence.EXISTING,
          EventStoreContract.meta(null),
          state -> List.of(new Counter.Incremented(7)));

      JsonNode streamEvent =
          StreamDelivery.lambdaEvent(StreamDelivery.records(dynamoDb, streams, "publisher-test"));
      assertEquals(3, streamEvent.path("Records").size(), "two events and one idempotency item");
      JsonNode response = invoke(new PublisherHandler(eventBridge, "sample-bus"), streamEvent);

      assertEquals(0, response.path("batchItemFailures").size());
      Map<Long, JsonNode> received = new TreeMap<>();
      for (JsonNode busEvent : receive(sqs, queueUrl, 2)) {
        received.put(busEvent.path("detail").path("version").asLong(), busEvent);
      }
      assertEquals(Set.of(1L, 2L), received.keySet());
      JsonNode created = received.get(1L);
      assertEquals("sample.Counting.Counter", created.path("source").asText());
      assertEquals("CounterCreated", created.path("detail-type").asText());
      assertEquals("CounterIncremented", received.get(2L).path("detail-type").asText());
      // The detail is the stored event, field for field.
      List<StoredEvent> stored = store.history(Counter.PLAIN, "c1");
      assertEquals(stored.get(0), StoredEvent.fromJson(created.path("detail")));
      assertEquals(stored.get(1), StoredEvent.fromJson(received.get(2L).path("detail")));
      JsonNode detail = created.path("detail");
      assertEquals("Counter", detail.path("aggregate").asText());
      assertEquals("c1", detail.path("key").asText());
      assertEquals("publish-1", detail.path("commandId").asText());
      assertEquals(meta.correlationId(), detail.path("correlationId").asText());
      assertEquals(EventStoreContract.NOW.toString(), detail.path("timestamp").asText());
      assertEquals(7, received.get(2L).path("detail").path("payload").path("by").asInt());
    }
  }

  @Test
  void parksAnEventTooLargeForTheBusInTheDeadLetterQueueWithTheEventItself() throws Exception {
    try (DynamoDbClient dynamoDb = MOTO.dynamoDb();
        DynamoDbStreamsClient streams = MOTO.dynamoDbStreams();
        EventBridgeClient eventBridge = MOTO.eventBridge();
        SqsClient sqs = MOTO.sqs()) {
      MOTO.createEventStoreTable(dynamoDb, "publisher-parking-test");
      String busQueue = routeToQueue(eventBridge, sqs, "parking-bus", "parking-published");
      String deadLetters = sqs.createQueue(r -> r.queueName("publisher-dlq")).queueUrl();
      for (long version = 1; version <= 3; version++) {
        Map<String, AttributeValue> item =
            EventItems.eventItem(bigEvent(version, version == 2 ? "x".repeat(300_000) : "small"));
        dynamoDb.putItem(r -> r.tableName("publisher-parking-test").item(item));
      }

      JsonNode response =
          invoke(
              new PublisherHandler(
                  eventBridge,
                  "parking-bus",
                  EventUpcaster.NONE,
                  EventParking.queue(sqs, deadLetters)),
              StreamDelivery.lambdaEvent(
                  StreamDelivery.records(dynamoDb, streams, "publisher-parking-test")));

      assertEquals(0, response.path("batchItemFailures").size());
      Set<Long> published = new java.util.TreeSet<>();
      receive(sqs, busQueue, 2)
          .forEach(e -> published.add(e.path("detail").path("version").asLong()));
      assertEquals(Set.of(1L, 3L), published);
      List<JsonNode> parked = receive(sqs, deadLetters, 1);
      assertEquals(1, parked.size());
      JsonNode message = parked.get(0);
      assertEquals("publisher", message.path("parkedBy").asText());
      assertTrue(message.path("reason").asText().contains("262144"), message.toString());
      // The event itself, as the bus would have carried it, and the request that sends it again.
      assertEquals(bigEvent(2, "x".repeat(300_000)), StoredEvent.fromJson(message.path("event")));
      assertEquals(
          Json.parse("{\"events\": [{\"stream\": \"Counter#big\", \"version\": 2}]}"),
          message.path("republish"));
    }
  }

  static StoredEvent bigEvent(long version, String note) {
    return new StoredEvent(
        "Counter",
        "big",
        version,
        "CounterIncremented",
        1,
        Json.object().put("by", 1).put("note", note),
        EventStoreContract.NOW.plusSeconds(version),
        null,
        "corr",
        "alice",
        "sample.Counting.Counter");
  }

  static String routeToQueue(
      EventBridgeClient eventBridge, SqsClient sqs, String bus, String queue) {
    eventBridge.createEventBus(r -> r.name(bus));
    String queueUrl = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(
                r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    eventBridge.putRule(
        r ->
            r.name("all-counter-events")
                .eventBusName(bus)
                .eventPattern("{\"source\":[\"sample.Counting.Counter\"]}"));
    eventBridge.putTargets(
        r ->
            r.rule("all-counter-events")
                .eventBusName(bus)
                .targets(Target.builder().id("queue").arn(queueArn).build()));
    return queueUrl;
  }

  /** The event Lambda hands a function subscribed to the stream. */
  static JsonNode invoke(PublisherHandler handler, JsonNode event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  static List<JsonNode> receive(SqsClient sqs, String queueUrl, int expected) {
    List<JsonNode> bodies = new ArrayList<>();
    for (int poll = 0; poll < 10 && bodies.size() < expected; poll++) {
      for (Message message :
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages()) {
        bodies.add(Json.parse(message.body()));
      }
    }
    assertTrue(bodies.size() <= expected, "more messages than events: " + bodies);
    return bodies;
  }
}
