package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The republish function on moto_server: events read from the store by key or by time range go on
 * the bus as the publisher sends them, in requests a routed queue receives.
 */
class RepublishHandlerTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final Instant T = EventStoreContract.NOW;

  @Test
  void sendsTheEventsNamedAndNamesTheOnesNotStored() throws Exception {
    try (Fixture f = new Fixture("republish-list")) {
      JsonNode answer =
          f.handler.republish(
              Json.parse(
                  """
                  {"events": [{"stream": "Counter#b", "version": 1},
                              {"stream": "Counter#a", "version": 2},
                              {"stream": "Counter#a", "version": 9}]}"""),
              () -> Long.MAX_VALUE);

      assertEquals(2, answer.path("sent").asInt(), answer.toString());
      assertEquals(List.of("Counter#a@9"), texts(answer.path("missing")));
      assertEquals(false, answer.has("error"));
      assertEquals(List.of("Counter#a@2", "Counter#b@1"), f.received(2));
    }
  }

  @Test
  void sendsEveryEventOfATimeRangeExactlyAndNoCommandRecord() throws Exception {
    try (Fixture f = new Fixture("republish-range")) {
      // From a whole second to a time with a fraction: text order and time order differ there.
      JsonNode answer =
          f.handler.republish(range(T.plusSeconds(2), T.plusMillis(11_500)), () -> Long.MAX_VALUE);

      assertEquals(3, answer.path("sent").asInt(), answer.toString());
      assertEquals(false, answer.has("next"));
      assertEquals(List.of("Counter#a@2", "Counter#a@3", "Counter#b@1"), f.received(3));

      JsonNode last =
          f.handler.republish(range(T.plusMillis(11_500), T.plusSeconds(12)), () -> Long.MAX_VALUE);
      assertEquals(1, last.path("sent").asInt(), last.toString());
      assertEquals(List.of("Counter#b@2"), f.received(1));
    }
  }

  @Test
  void answersTheRequestThatGoesOnWhenTimeRunsOut() throws Exception {
    try (Fixture f = new Fixture("republish-steps")) {
      RepublishHandler handler = f.handler.pageItems(2);
      JsonNode request = range(T, T.plusSeconds(60));
      int sent = 0;
      int steps = 0;
      while (request != null) {
        // No time left: one page per invocation.
        JsonNode answer = handler.republish(request, () -> 0);
        assertEquals(false, answer.has("error"), answer.toString());
        sent += answer.path("sent").asInt();
        request = answer.has("next") ? answer.path("next") : null;
        steps++;
      }
      assertEquals(5, sent);
      assertTrue(steps >= 3, "pages of 2 items: " + steps + " steps");
      assertEquals(
          List.of("Counter#a@1", "Counter#a@2", "Counter#a@3", "Counter#b@1", "Counter#b@2"),
          f.received(5));
    }
  }

  @Test
  void sendsNothingItCannotReadAndNamesIt() throws Exception {
    try (Fixture f = new Fixture("republish-unreadable")) {
      RepublishHandler noModel =
          new RepublishHandler(
              f.dynamoDb,
              f.table,
              f.eventBridge,
              f.bus,
              EventUpcaster.of(List.of()),
              EventParking.NONE);
      JsonNode answer =
          noModel.republish(
              Json.parse("{\"events\": [{\"stream\": \"Counter#a\", \"version\": 1}]}"),
              () -> Long.MAX_VALUE);
      assertEquals(0, answer.path("sent").asInt());
      assertEquals(List.of("Counter#a@1"), texts(answer.path("unreadable")));
    }
  }

  @Test
  void answersTheEventsLeftWhenTheBusFailsAlsoForUpcastEvents() throws Exception {
    try (Fixture f = new Fixture("republish-bus-down")) {
      EventBridgeClient down =
          new EventBridgeClient() {
            @Override
            public PutEventsResponse putEvents(PutEventsRequest request) {
              throw SdkClientException.create("connection refused");
            }

            @Override
            public String serviceName() {
              return "events";
            }

            @Override
            public void close() {}
          };
      // Every event changes shape when read: the answer must still name the stored ones.
      EventUpcaster newer =
          stored -> stored.upcastTo(stored.type(), 2, stored.payload().deepCopy().put("v", 2));
      RepublishHandler handler =
          new RepublishHandler(f.dynamoDb, f.table, down, f.bus, newer, EventParking.NONE);

      JsonNode answer =
          handler.republish(
              Json.parse(
                  """
                  {"events": [{"stream": "Counter#a", "version": 1},
                              {"stream": "Counter#b", "version": 2}]}"""),
              () -> Long.MAX_VALUE);

      assertTrue(answer.has("error"), answer.toString());
      assertEquals(0, answer.path("sent").asInt());
      assertEquals(
          "{\"events\":[{\"stream\":\"Counter#a\",\"version\":1},"
              + "{\"stream\":\"Counter#b\",\"version\":2}]}",
          Json.write(answer.path("next")));
    }
  }

  @Test
  void refusesARequestOfNeitherShape() throws Exception {
    try (Fixture f = new Fixture("republish-refused")) {
      assertTrue(f.handler.republish(Json.object(), () -> 0).has("error"));
      assertTrue(
          f.handler
              .republish(Json.parse("{\"from\": \"yesterday\", \"to\": \"now\"}"), () -> 0)
              .has("error"));
      assertTrue(
          f.handler
              .republish(
                  Json.parse("{\"events\": [{\"stream\": \"Command#x\", \"version\": 0}]}"),
                  () -> 0)
              .has("error"));
    }
  }

  private static ObjectNode range(Instant from, Instant to) {
    return Json.object().put("from", from.toString()).put("to", to.toString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  /** A store with two counters' events (and a command record), a bus routed to a queue. */
  private static final class Fixture implements AutoCloseable {
    final DynamoDbClient dynamoDb = MOTO.dynamoDb();
    final EventBridgeClient eventBridge = MOTO.eventBridge();
    final SqsClient sqs = MOTO.sqs();
    final String table;
    final String bus;
    final String queue;
    final RepublishHandler handler;

    Fixture(String name) {
      table = name;
      bus = name + "-bus";
      MOTO.createEventStoreTable(dynamoDb, table);
      queue = PublisherHandlerTest.routeToQueue(eventBridge, sqs, bus, name + "-received");
      put(event("a", 1, T.plusSeconds(1)));
      put(event("a", 2, T.plusSeconds(2)));
      put(event("a", 3, T.plusSeconds(3)));
      put(event("b", 1, T.plusSeconds(11)));
      put(event("b", 2, T.plusMillis(11_500)));
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(
                      EventItems.commandItem(
                          EventStoreContract.meta("cmd"),
                          "Counter#a",
                          new CommandResult("a", 1, List.of("CounterCreated")))));
      handler =
          new RepublishHandler(
              dynamoDb, table, eventBridge, bus, EventUpcaster.NONE, EventParking.NONE);
    }

    private void put(StoredEvent event) {
      dynamoDb.putItem(r -> r.tableName(table).item(EventItems.eventItem(event)));
    }

    /** The events the bus delivered, as {@code stream@version}, sorted. */
    List<String> received(int expected) {
      List<String> names = new ArrayList<>();
      for (JsonNode busEvent : PublisherHandlerTest.receive(sqs, queue, expected)) {
        StoredEvent event = StoredEvent.fromJson(busEvent.path("detail"));
        names.add(event.streamId() + "@" + event.version());
      }
      names.sort(null);
      assertEquals(expected, names.size(), names.toString());
      return names;
    }

    @Override
    public void close() {
      dynamoDb.close();
      eventBridge.close();
      sqs.close();
    }
  }

  private static StoredEvent event(String counter, long version, Instant at) {
    return new StoredEvent(
        "Counter",
        counter,
        version,
        version == 1 ? "CounterCreated" : "CounterIncremented",
        1,
        Json.object().put("by", 1),
        at,
        null,
        "corr",
        "alice",
        "sample.Counting.Counter");
  }
}
