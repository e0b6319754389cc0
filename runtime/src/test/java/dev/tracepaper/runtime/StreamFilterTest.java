package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.StreamDelivery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.event.ruler.Machine;

/**
 * The {@code FilterCriteria} of the stream mappings in the generator's templates, run with AWS's
 * event-ruler (the pattern language Lambda's filters use) on the records of a real stream on
 * moto_server: event items pass, and nothing else the table writes does.
 */
class StreamFilterTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  @Test
  void onlyNewEventItemsPassTheTemplatesFilters() throws Exception {
    List<String> patterns = templatePatterns();
    assertEquals(2, patterns.size(), "the publisher's and the projector's mapping: " + patterns);
    try (DynamoDbClient dynamoDb = MOTO.dynamoDb();
        DynamoDbStreamsClient streams = MOTO.dynamoDbStreams()) {
      MOTO.createEventStoreTable(dynamoDb, "filter-test");
      EventStore store = new DynamoDbEventStore(dynamoDb, "filter-test");
      CommandRunner<Counter.State, Counter.Event> runner =
          new CommandRunner<>(store, Counter.STREAMING);
      // An event with a command id (and its idempotency item), one without; a snapshot and a
      // state on the items; the idempotency item replaced (MODIFY) and removed (REMOVE).
      runner.run(
          "c1",
          Existence.NEW,
          EventStoreContract.meta("first"),
          s -> List.of(new Counter.Created()));
      runner.run(
          "c1",
          Existence.EXISTING,
          EventStoreContract.meta(null),
          s -> List.of(new Counter.Incremented(2)));
      var commandKey = EventItems.commandKey(EventStoreContract.meta("first").commandId());
      var replaced =
          new java.util.HashMap<>(
              dynamoDb.getItem(r -> r.tableName("filter-test").key(commandKey)).item());
      replaced.put(EventItems.RESULT, EventItems.s("{}"));
      dynamoDb.putItem(r -> r.tableName("filter-test").item(replaced));
      dynamoDb.deleteItem(r -> r.tableName("filter-test").key(commandKey));
      dynamoDb.deleteItem(
          r ->
              r.tableName("filter-test")
                  .key(
                      java.util.Map.of(
                          EventItems.PK,
                          EventItems.s("Counter#c1"),
                          EventItems.SK,
                          EventItems.n(1))));

      JsonNode event =
          StreamDelivery.lambdaEvent(StreamDelivery.records(dynamoDb, streams, "filter-test"));
      List<String> kinds = new ArrayList<>();
      event.path("Records").forEach(r -> kinds.add(r.path("eventName").asText()));
      assertEquals(List.of("INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE", "REMOVE"), kinds);

      for (String pattern : patterns) {
        Machine machine = Machine.builder().build();
        machine.addRule("filter", pattern);
        List<String> passed = new ArrayList<>();
        for (JsonNode record : event.path("Records")) {
          if (!machine.rulesForJSONEvent(Json.write(record)).isEmpty()) {
            JsonNode image = record.path("dynamodb").path("NewImage");
            passed.add(
                image.path("pk").path("S").asText() + "@" + image.path("sk").path("N").asText());
          }
        }
        assertEquals(List.of("Counter#c1@1", "Counter#c1@2"), passed, pattern);
      }
    }
  }

  /** The {@code Pattern} of every filter in the templates' stream mappings. */
  private static List<String> templatePatterns() throws IOException {
    Path templates = Path.of(System.getProperty("tracepaper.templates", "../templates"));
    Pattern filter = Pattern.compile("\\n {10}- Pattern: '(.*)'\\n");
    List<String> patterns = new ArrayList<>();
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml.ftl")).toList()) {
        Matcher matcher = filter.matcher(Files.readString(file));
        while (matcher.find()) {
          patterns.add(matcher.group(1));
        }
      }
    }
    assertTrue(patterns.stream().allMatch(p -> p.contains("INSERT")), patterns.toString());
    return patterns;
  }
}
