<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ${project.runtimePackage}.AppSyncRequest;
import ${project.runtimePackage}.Caller;
import ${project.runtimePackage}.DynamoDbEventStore;
import ${project.runtimePackage}.EventStore;
import ${project.runtimePackage}.Json;
<#if aggregate.handlerExamples?has_content && !aggregate.commands?filter(c -> c.operation == aggregate.handlerExamples[0].mutation)?first.flow.custom.enabled>
import ${project.runtimePackage}.Priming;
</#if>
import ${project.runtimePackage}.StoredEvent;
import ${project.runtimePackage}.testing.AppSyncEvents;
import ${project.runtimePackage}.testing.InMemoryEventStore;
import ${project.runtimePackage}.testing.MotoServer;
import ${project.runtimePackage}.testing.RequestCounter;
import java.time.Clock;
import java.util.ArrayList;
<#if aggregate.handlerExamples?filter(e -> e.copiedTexts?has_content)?has_content>
import java.util.LinkedHashMap;
</#if>
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real Lambda handler of the ${aggregate.name} aggregate on the real DynamoDB event store
 * (moto_server): the JSON AppSync sends goes in, the stored events and the answer come out. Also
 * its boundary: input it refuses, callers it refuses, text it keeps as sent.
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
<#assign command = aggregate.commands?filter(c -> c.operation == example.mutation)?first>
  /** The mutation ${example.mutation} as AppSync sends it, with the input of a case of the model. */
  private JsonNode invoke(String commandId) {
    return AppSyncEvents.invoke(handler, event(example(), commandId, CALLER));
  }

  /** The input of the model's case. */
  private static ObjectNode example() {
    return (ObjectNode) Json.parse(${javaString(example.input)});
  }

  /** A user-pool caller with every role of the model. */
  private static final Caller CALLER =
      new Caller("test-user-id", "test-user", List.of(<#list example.roles as r>${javaString(r)}<#sep>, </#sep></#list>));

  /** The mutation by {@code caller}, authenticated in the first way ${command.name} admits. */
  private static ObjectNode event(JsonNode input, String commandId, Caller caller) {
    return AppSyncEvents.mutation(
        ${javaString(example.mutation)},
        input,
        commandId,
        caller,
        AppSyncRequest.AuthType.${command.authTypes[0]});
  }

  /** Asserts an error answer of this type, and that the handler did not touch the store. */
  private static JsonNode assertRefused(String type, JsonNode answer) {
    assertEquals(type, answer.path("error").path("type").asText(), answer.toString());
    assertEquals(Map.of(), REQUESTS.counts(), "requests to DynamoDB");
    return answer.path("error");
  }

  private static List<String> failingFields(JsonNode error) {
    List<String> fields = new ArrayList<>();
    error.path("fields").forEach(f -> fields.add(f.path("field").asText()));
    return fields;
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

<#if !command.flow.custom.enabled>
  /**
   * Priming (before the SnapStart snapshot) runs the command through the handler's code on clients
   * that answer from memory: it succeeds, and no request reaches DynamoDB.
   */
  @Test
  void primingRunsTheCommandAndTouchesNoTable() {
    int before = Priming.operations().size();

    JsonNode answer = Json.parse(${aggregate.handlerClass}.prime());

    assertEquals(1, answer.path("version").asLong(), answer.toString());
    assertEquals(
        List.of("Query", "TransactWriteItems"),
        Priming.operations().subList(before, Priming.operations().size()));
    assertEquals(Map.of(), REQUESTS.counts(), "requests to DynamoDB");
  }

</#if>
  @Test
  void aRetriedCommandAnswersAgainAndAppendsNothing() {
    String commandId = UUID.randomUUID().toString();

    JsonNode first = invoke(commandId);
    JsonNode again = invoke(commandId);

    assertEquals(first, again);
    String key = first.path("id").asText();
    assertEquals(first.path("version").asLong(), store.history(${aggregate.aggregateClass}.TYPE, key).size());
  }

  @Test
  void unknownInputFieldsAreRefusedByName() {
    ObjectNode input = example();
    input.put("notAField", 1);
    input.putObject("identity").putArray("groups").add("admin");

    JsonNode error = assertRefused("VALIDATION", AppSyncEvents.invoke(handler, event(input, null, CALLER)));

    assertEquals(List.of("notAField", "identity"), failingFields(error), error.toString());
  }

  @Test
  void anOversizedRequestIsRefusedBeforeItIsParsed() {
    ObjectNode input = example();
    input.put("padding", "x".repeat(AppSyncRequest.MAX_REQUEST_BYTES));

    JsonNode error = assertRefused("VALIDATION", AppSyncEvents.invoke(handler, event(input, null, CALLER)));

    assertEquals(List.of("input"), failingFields(error), error.toString());
  }

  @Test
  void anIdentityAppSyncDoesNotSendIsRefused() {
    ObjectNode event = event(example(), null, CALLER);
    event.putObject("identity").put("name", "test-user");

    assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event));
  }
<#if !command.authTypes?seq_contains("API_KEY")>

  /** No identity is how AppSync calls with an API key; ${command.name} needs a signed-in caller. */
  @Test
  void aCallWithoutIdentityIsRefused() {
    ObjectNode event = event(example(), null, CALLER);
    event.remove("identity");
    assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event));

    event.putNull("identity");
    assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event));
  }
</#if>
<#if !command.authTypes?seq_contains("AWS_IAM")>

  @Test
  void anIamCallerIsRefused() {
    ObjectNode event = event(example(), null, CALLER);
    event.putObject("identity")
        .put("accountId", "123456789012")
        .put("userArn", "arn:aws:iam::123456789012:user/test-user")
        .put("username", "AIDAEXAMPLE");

    assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event));
  }
</#if>
<#if command.cognitoGroups?has_content>

  @Test
  void aUserWithoutTheRoleIsRefused() {
    Caller intruder = new Caller("intruder-id", "intruder", List.of("no such role"));

    JsonNode error =
        assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event(example(), null, intruder)));

    assertEquals(${javaString("Only callers with the role " + command.cognitoGroups?join(" or ") + " may run " + command.name + ".")}, error.path("message").asText());
  }

  /** Roles claimed anywhere but in the identity AppSync wrote count for nothing. */
  @Test
  void rolesClaimedInTheArgumentsAreIgnored() {
    ObjectNode event = event(example(), null, new Caller("intruder-id", "intruder", List.of()));
    ObjectNode arguments = (ObjectNode) event.get("arguments");
    ObjectNode input = (ObjectNode) arguments.get("input");
    for (ObjectNode place : List.of(arguments, input)) {
      CALLER.roles().forEach(place.putArray("groups")::add);
      CALLER.roles().forEach(place.putArray("roles")::add);
      CALLER.roles().forEach(place.putObject("claims").putArray("cognito:groups")::add);
    }
    event.putObject("stash").putArray("groups").add(CALLER.roles().get(0));

    assertRefused("UNAUTHORIZED", AppSyncEvents.invoke(handler, event));
  }
</#if>
<#if example.copiedTexts?has_content>

  /**
   * Text the API accepts is stored and read back as sent, on both stores: quotes, backslashes,
   * line breaks, NUL, accents, CJK, emoji, bidi and zero-width characters, template syntax.
   */
  @Test
  void textIsStoredAndReadBackUnchanged() {
    String text =
        "q\"b\\ \n\r\n\t\u0000 \u00E9\u65E5\u672C\uD83D\uDE00\u202Eb\u202C z\u200Bw \u0024{x} \u003C#if> 'x";
    assertEquals(36, text.codePointCount(0, text.length()));
    // Each field gets the text, or the nearest text its checks accept.
    Map<String, String> texts = new LinkedHashMap<>();
<#list example.copiedTexts as t>
    texts.put(${javaString(t.field)}, ${t.value});<#if t.why?has_content> // ${t.why}</#if>
</#list>
<#list example.textsLeftOut as reason>
    // Not tried: ${reason}.
</#list>
    texts.forEach(
        (field, sent) -> {
          String table = "${aggregate.name?lower_case}-" + UUID.randomUUID();
          MOTO.createEventStoreTable(dynamoDb, table);
          for (EventStore target : List.of(new DynamoDbEventStore(dynamoDb, table), new InMemoryEventStore())) {
            ObjectNode input = example();
            input.put(field, sent);

            JsonNode answer =
                AppSyncEvents.invoke(
                    new ${aggregate.handlerClass}(target, Clock.systemUTC()), event(input, null, CALLER));

            assertTrue(answer.has("version"), field + ": " + answer);
            List<StoredEvent> stored = target.history(${aggregate.aggregateClass}.TYPE, answer.path("id").asText());
            // As stored, and as EventBridge and the policies read it: the event's JSON, written and
            // parsed again.
            assertTrue(
                stored.stream()
                    .map(e -> StoredEvent.fromJson(Json.parse(Json.write(e.withoutState().toJson()))))
                    .anyMatch(e -> sent.equals(e.payload().path(field).textValue())),
                field + " not stored as sent: " + stored);
            assertTrue(
                stored.stream().anyMatch(e -> sent.equals(e.payload().path(field).textValue())),
                field + " not stored as sent: " + stored);
          }
        });
  }
<#elseif example.textsLeftOut?has_content>

  // No text field is tried for text stored and read back unchanged:
<#list example.textsLeftOut as reason>
  // ${reason}.
</#list>
</#if>
</#list>
}
