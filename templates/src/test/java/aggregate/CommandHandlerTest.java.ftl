<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
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
import ${project.runtimePackage}.AppSyncEvents;
import ${project.runtimePackage}.Caller;
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
  private JsonNode invoke(String commandId) {
    return AppSyncEvents.invoke(
        handler,
        AppSyncEvents.mutation(
            ${javaString(example.mutation)},
            Json.parse(${javaString(example.input)}),
            commandId,
            new Caller("test-user", List.of(<#list example.roles as r>${javaString(r)}<#sep>, </#sep></#list>))));
  }

  @Test
  void aCommandIsStoredInTwoRequests() {
    JsonNode answer = invoke(null);

    assertEquals(1, answer.path("version").asLong(), answer.toString());
    assertEquals(Map.of("Query", 1, "TransactWriteItems", 1), REQUESTS.counts());
    List<StoredEvent> stored = store.history(${aggregate.aggregateClass}.TYPE, answer.path("id").asText());
    assertEquals(
        Json.parse(${javaString(example.events)}),
        Json.MAPPER.valueToTree(stored.stream().map(StoredEvent::type).toList()));
  }

  @Test
  void aRetriedCommandAnswersAgainAndAppendsNothing() {
    String commandId = UUID.randomUUID().toString();

    JsonNode first = invoke(commandId);
    JsonNode again = invoke(commandId);

    assertEquals(first, again);
    String key = first.path("id").asText();
    assertEquals(first.path("version").asLong(), store.history(${aggregate.aggregateClass}.TYPE, key).size());
  }
</#list>
}
