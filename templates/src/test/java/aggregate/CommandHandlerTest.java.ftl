<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import ${project.runtimePackage}.DynamoDbEventStore;
import ${project.runtimePackage}.Json;
import ${project.runtimePackage}.MotoServer;
import ${project.runtimePackage}.RequestCounter;
import ${project.runtimePackage}.StoredEvent;

/**
 * The real Lambda handler of the ${aggregate.name} aggregate on the real DynamoDB event store
 * (moto_server): the JSON AppSync sends goes in, the stored events and the answer come out.
 */
class ${aggregate.handlerClass}Test {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final RequestCounter REQUESTS = new RequestCounter();
  private static DynamoDbClient dynamoDb;
  private DynamoDbEventStore store;
  private ${aggregate.handlerClass} handler;

  @BeforeAll
  static void connect() {
    dynamoDb = MOTO.dynamoDb(REQUESTS);
  }

  @AfterAll
  static void closeClient() {
    dynamoDb.close();
  }

  /** A table of its own per test: the model's example input names the same instance each time. */
  @BeforeEach
  void createTable() {
    String table = "${aggregate.name?lower_case}-" + UUID.randomUUID();
    MOTO.createEventStoreTable(dynamoDb, table);
    store = new DynamoDbEventStore(dynamoDb, table);
    handler = new ${aggregate.handlerClass}(store, Clock.systemUTC());
    REQUESTS.reset();
  }

<#list aggregate.handlerExamples as example>
  /** The mutation ${example.mutation} as AppSync sends it, with the input of a case of the model. */
  private static ObjectNode request(String commandId) {
    JsonNode input = Json.parse(${javaString(example.input)});
    ObjectNode event = Json.object();
    ObjectNode arguments = event.putObject("arguments");
    arguments.set("input", input);
    if (commandId != null) {
      arguments.put("commandId", commandId);
    }
    ObjectNode identity = event.putObject("identity");
    identity.put("sub", "sub-test-user");
    identity.put("username", "test-user");
    ObjectNode claims = identity.putObject("claims");
    claims.put("cognito:username", "test-user");
<#list example.roles as role>
    identity.withArray("groups").add(${javaString(role)});
    claims.withArray("cognito:groups").add(${javaString(role)});
</#list>
    event.putObject("info").put("fieldName", ${javaString(example.mutation)});
    return event;
  }

  private JsonNode invoke(JsonNode event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCommandIsStoredInTwoRequests() throws IOException {
    JsonNode answer = invoke(request(null));

    assertEquals(1, answer.path("version").asLong(), answer.toString());
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
    List<StoredEvent> stored = store.history(${aggregate.aggregateClass}.TYPE, answer.path("id").asText());
    assertEquals(
        Json.parse(${javaString(example.events)}),
        Json.MAPPER.valueToTree(stored.stream().map(StoredEvent::type).toList()));
  }

  @Test
  void aRetriedCommandAnswersAgainAndAppendsNothing() throws IOException {
    String commandId = UUID.randomUUID().toString();
    ObjectNode request = request(commandId);

    JsonNode first = invoke(request);
    JsonNode again = invoke(request);

    assertEquals(first, again);
    String key = first.path("id").asText();
    assertEquals(first.path("version").asLong(), store.history(${aggregate.aggregateClass}.TYPE, key).size());
  }
</#list>
}
