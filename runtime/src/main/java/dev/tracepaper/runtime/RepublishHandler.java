package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Sends stored events to the bus again, as the publisher sends them (upcast to the current model,
 * in PutEvents requests within its limits, poison parked in the publisher's dead-letter queue):
 * after a dead letter of the publisher, or when a consumer needs events again. An operator invokes
 * its function with one of:
 *
 * <ul>
 *   <li>{@code {"events": [{"stream": "Book#b-1", "version": 3}, ...]}}: these events, in this
 *       order (at most {@link #MAX_EVENTS}); the ones not in the store are answered under {@code
 *       missing}.
 *   <li>{@code {"from": "<instant>", "to": "<instant>"}}: every event whose timestamp is at or
 *       after {@code from} and before {@code to}, read by a Scan of the store, each page's events
 *       sent per stream in version order. The function works until a minute of its time is left;
 *       then its answer holds {@code next}, the request that goes on from there.
 * </ul>
 *
 * <p>Answer: {@code {"sent": n, "parked": [...], "unreadable": [...], "missing": [...]}} (events
 * named {@code Book#b-1@3}), with {@code next} when there is more to send, and {@code error} when
 * the request was refused or the bus failed (then {@code next} sends the rest again). Consumers see
 * a republished event as a redelivery: they skip versions they have seen.
 */
public class RepublishHandler implements RequestStreamHandler {

  /** The events a list request may name: a Lambda payload holds 256 KB. */
  public static final int MAX_EVENTS = 1000;

  /** Time left at which a range request stops and answers {@code next}. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  /** BatchGetItem's bound on the keys of one request. */
  private static final int MAX_KEYS = 100;

  /** What a republished event needs of an item: not the state or snapshot it may carry. */
  private static final List<String> ATTRIBUTES =
      List.of(
          EventItems.PK,
          EventItems.SK,
          EventItems.TYPE,
          EventItems.SCHEMA_VERSION,
          EventItems.PAYLOAD,
          EventItems.TIMESTAMP,
          EventItems.COMMAND_ID,
          EventItems.CORRELATION_ID,
          EventItems.USER,
          EventItems.SOURCE);

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Publication publication;
  private final EventUpcaster upcaster;

  /** Items a Scan page reads at most; 0: DynamoDB's 1 MB page. */
  private int pageItems;

  /**
   * For the generated project's handler class, which names the model's aggregates: the store {@code
   * EVENT_STORE_TABLE}, the bus {@code EVENT_BUS_NAME}, the publisher's dead-letter queue {@code
   * DEAD_LETTER_QUEUE_URL}.
   */
  protected RepublishHandler(EventUpcaster upcaster) {
    this(
        AwsClients.dynamoDb(),
        AwsClients.environment("EVENT_STORE_TABLE"),
        AwsClients.eventBridge(),
        AwsClients.environment("EVENT_BUS_NAME"),
        upcaster,
        EventParking.queue(AwsClients.sqs(), AwsClients.environment("DEAD_LETTER_QUEUE_URL")));
  }

  public RepublishHandler(
      DynamoDbClient dynamoDb,
      String table,
      EventBridgeClient eventBridge,
      String busName,
      EventUpcaster upcaster,
      EventParking parking) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.publication = new Publication(eventBridge, busName, parking);
    this.upcaster = upcaster;
  }

  /** Scans in pages of at most {@code items} items (tests of the continuation). */
  RepublishHandler pageItems(int items) {
    this.pageItems = items;
    return this;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    LongSupplier millisLeft =
        context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis();
    Json.write(out, republish(Json.read(in), millisLeft));
  }

  /** Answers one request (class comment); {@code millisLeft} is the invocation's time left. */
  public ObjectNode republish(JsonNode request, LongSupplier millisLeft) {
    Answer answer = new Answer();
    try {
      if (request.has("events")) {
        byList(request.path("events"), answer);
      } else if (request.has("from") && request.has("to")) {
        byRange(request, millisLeft, answer);
      } else {
        answer.error(
            "send {\"events\": [{\"stream\": \"Book#b-1\", \"version\": 3}]}"
                + " or {\"from\": \"<ISO-8601 instant>\", \"to\": \"<ISO-8601 instant>\"}");
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      answer.error(e.getMessage());
    }
    return answer.json.put("sent", answer.sent);
  }

  private void byList(JsonNode list, Answer answer) {
    if (!list.isArray() || list.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "\"events\" is a list of at most " + MAX_EVENTS + " {\"stream\", \"version\"}");
    }
    // Keyed by stream and version, in the order asked: BatchGetItem refuses a key given twice.
    Map<String, Map<String, AttributeValue>> keys = new LinkedHashMap<>();
    for (JsonNode wanted : list) {
      String stream = wanted.path("stream").asText("");
      long version = wanted.path("version").asLong(0);
      if (stream.indexOf('#') <= 0 || !EventItems.isEventStream(stream) || version < 1) {
        throw new IllegalArgumentException("not an event: " + wanted);
      }
      keys.put(
          name(stream, version),
          Map.of(EventItems.PK, EventItems.s(stream), EventItems.SK, EventItems.n(version)));
    }
    Map<String, StoredEvent> found = new HashMap<>();
    List<Map<String, AttributeValue>> all = new ArrayList<>(keys.values());
    for (int from = 0; from < all.size(); from += MAX_KEYS) {
      for (Map<String, AttributeValue> item :
          read(all.subList(from, Math.min(from + MAX_KEYS, all.size())))) {
        if (EventItems.isEvent(item)) {
          StoredEvent event = EventItems.storedEvent(item);
          found.put(name(event.streamId(), event.version()), event);
        }
      }
    }
    List<StoredEvent> events = new ArrayList<>();
    for (String name : keys.keySet()) {
      StoredEvent event = found.get(name);
      if (event == null) {
        answer.missing.add(name);
      } else {
        events.add(event);
      }
    }
    int done = send(events, answer);
    if (done < events.size()) {
      ArrayNode rest = answer.next().putArray("events");
      for (StoredEvent event : events.subList(done, events.size())) {
        rest.addObject().put("stream", event.streamId()).put("version", event.version());
      }
    }
  }

  /** The items of {@code keys}, unprocessed keys asked for again. */
  private List<Map<String, AttributeValue>> read(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, KeysAndAttributes> asked = Map.of(table, keysAndAttributes(keys));
    for (int attempt = 0; !asked.isEmpty(); attempt++) {
      if (attempt > 0) {
        Backoff.sleep(attempt);
      }
      Map<String, KeysAndAttributes> request = asked;
      BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
      items.addAll(response.responses().getOrDefault(table, List.of()));
      asked = response.unprocessedKeys();
    }
    return items;
  }

  private static KeysAndAttributes keysAndAttributes(List<Map<String, AttributeValue>> keys) {
    return KeysAndAttributes.builder()
        .keys(keys)
        .projectionExpression(projection())
        .expressionAttributeNames(attributeNames())
        .build();
  }

  private void byRange(JsonNode request, LongSupplier millisLeft, Answer answer) {
    Instant from = Instant.parse(request.path("from").asText());
    Instant to = Instant.parse(request.path("to").asText());
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("\"from\" must be before \"to\"");
    }
    Map<String, AttributeValue> after = cursor(request.path("after"));
    Map<String, String> names = attributeNames();
    // Timestamps are ISO-8601 text with a fraction only when there is one, so within one second
    // text order is not time order: DynamoDB keeps whole seconds around the range (a second's text
    // without its "Z" sorts before all of that second's), and the exact range is applied here.
    Map<String, AttributeValue> values =
        Map.of(
            ":from", EventItems.s(wholeSecond(from)),
            ":to", EventItems.s(wholeSecond(to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1))));
    do {
      Map<String, AttributeValue> start = after;
      ScanResponse page =
          dynamoDb.scan(
              r ->
                  r.tableName(table)
                      .projectionExpression(projection())
                      .filterExpression(
                          "attribute_exists(#type) AND #timestamp >= :from AND #timestamp < :to")
                      .expressionAttributeNames(names)
                      .expressionAttributeValues(values)
                      .exclusiveStartKey(start.isEmpty() ? null : start)
                      .limit(pageItems > 0 ? pageItems : null));
      List<StoredEvent> events = new ArrayList<>();
      for (Map<String, AttributeValue> item : page.items()) {
        StoredEvent event = EventItems.storedEvent(item);
        if (!event.timestamp().isBefore(from) && event.timestamp().isBefore(to)) {
          events.add(event);
        }
      }
      events.sort(
          Comparator.comparing((StoredEvent e) -> e.streamId())
              .thenComparingLong(StoredEvent::version));
      if (send(events, answer) < events.size()) {
        answer.rangeFrom(request, start);
        return;
      }
      after = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : Map.of();
    } while (!after.isEmpty() && millisLeft.getAsLong() > MARGIN.toMillis());
    if (!after.isEmpty()) {
      answer.rangeFrom(request, after);
    }
  }

  /** Upcasts and sends {@code events}; answers how many were sent or parked, from the first. */
  private int send(List<StoredEvent> events, Answer answer) {
    List<StoredEvent> readable = new ArrayList<>();
    // Where each readable event stands in events: an upcast event is not equal to its stored one.
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      StoredEvent event = events.get(i);
      try {
        readable.add(upcaster.upcast(event));
        positions.add(i);
      } catch (UnreadableEventException e) {
        // Not sent in a shape the consumers cannot read; named, so that it is not missed.
        answer.unreadable.add(name(event.streamId(), event.version()));
      }
    }
    Publication.Outcome outcome = publication.send(readable);
    answer.sent += outcome.sent();
    outcome.parked().forEach(e -> answer.parked.add(name(e.streamId(), e.version())));
    if (outcome.done() < readable.size()) {
      answer.error("PutEvents failed; the answer's \"next\" sends the rest again");
      return positions.get(outcome.done());
    }
    return events.size();
  }

  private static String name(String stream, long version) {
    return stream + "@" + version;
  }

  private static String wholeSecond(Instant instant) {
    String text = instant.truncatedTo(ChronoUnit.SECONDS).toString();
    return text.substring(0, text.length() - 1);
  }

  private static Map<String, AttributeValue> cursor(JsonNode after) {
    if (after.isMissingNode() || after.isNull()) {
      return Map.of();
    }
    return Map.of(
        EventItems.PK, EventItems.s(after.path("stream").asText()),
        EventItems.SK, EventItems.n(after.path("version").asLong()));
  }

  private static String projection() {
    return String.join(", ", ATTRIBUTES.stream().map(a -> "#" + a).toList());
  }

  private static Map<String, String> attributeNames() {
    Map<String, String> names = new HashMap<>();
    ATTRIBUTES.forEach(a -> names.put("#" + a, a));
    return names;
  }

  /** The answer being built. */
  private static final class Answer {
    final ObjectNode json = Json.object();
    int sent;
    final ArrayNode parked;
    final ArrayNode unreadable;
    final ArrayNode missing;

    Answer() {
      json.put("sent", 0);
      parked = json.putArray("parked");
      unreadable = json.putArray("unreadable");
      missing = json.putArray("missing");
    }

    void error(String message) {
      json.put("error", message);
    }

    ObjectNode next() {
      return json.putObject("next");
    }

    /** {@code next}: the range request again, going on after {@code after}. */
    void rangeFrom(JsonNode request, Map<String, AttributeValue> after) {
      ObjectNode next = next();
      next.put("from", request.path("from").asText());
      next.put("to", request.path("to").asText());
      if (!after.isEmpty()) {
        next.putObject("after")
            .put("stream", after.get(EventItems.PK).s())
            .put("version", Long.parseLong(after.get(EventItems.SK).n()));
      }
    }
  }
}
