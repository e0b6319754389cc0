<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.queries[0].javaPackage};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import ${project.runtimePackage}.AppSyncRequest.AuthType;
import ${project.runtimePackage}.Caller;
import ${project.runtimePackage}.Json;
import ${project.runtimePackage}.LiveRows;
import ${project.runtimePackage}.Responses;
import ${project.runtimePackage}.ViewColour;
import ${project.runtimePackage}.testing.AppSyncEvents;
import ${project.runtimePackage}.testing.InMemoryViewStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The wiring of the custom queries: each field reaches its own code with the caller and the
 * arguments AppSync sends, reads the views of its {@code reads} at their live generation, answers
 * null as null, and refuses a caller its {@code auth} does not admit. Its code here is a stand-in
 * that records what it is given, so that these tests hold whatever the hand-written classes do.
 */
class CustomQueryHandlerTest {

  private final InMemoryViewStore store = new InMemoryViewStore();
  private final LiveRows rows = new LiveRows(store, view -> ViewColour.BLUE);
  private final List<String> seen = new ArrayList<>();

  /** A handler whose queries record their call and answer null. */
  private CustomQueryHandler recording() {
    return new CustomQueryHandler(
        rows<#list project.queries as q>,
        (args, caller, views) -> {
          seen.add(${javaString(q.name + " ")} + caller.id()<#list q.reads as r> + " " + views.${r.method}("k1").isPresent()</#list>);
          return null;
        }</#list>);
  }
<#list project.queries as q>
<#assign type = q.authTypes[0]>
<#assign roles = (type == "AMAZON_COGNITO_USER_POOLS" && q.cognitoGroups?has_content)?then([q.cognitoGroups[0]], [])>
<#assign callerId = (type == "AWS_IAM")?then("arn:aws:iam::123456789012:user/tester", (type == "API_KEY")?then("anonymous", "user-1"))>
<#assign suffix = q.interfaceClass?remove_ending("Query")>

  @Test
  @DisplayName(${javaString(q.name + " reaches its code with the caller" + q.reads?has_content?then(" and reads its views' live rows", ""))})
  void ${suffix?uncap_first}ReachesItsCode() {
<#list q.reads as r>
    store.put(new ${r.projectionClass}(), "k1", ${r.rowClass}.toJson(${r.rowClass}.EMPTY));
</#list>
    JsonNode answer =
        AppSyncEvents.invoke(
            recording(),
            AppSyncEvents.query(
                ${javaString(q.operation)},
                Json.object(),
                new Caller(${javaString(callerId)}, "tester", List.of(<#list roles as r>${javaString(r)}<#sep>, </#sep></#list>)),
                AuthType.${type}));

    assertTrue(answer.isNull(), answer.toString());
    assertEquals(List.of(${javaString(q.name + " " + callerId + q.reads?map(r -> " true")?join(""))}), seen);
  }
<#if type == "AMAZON_COGNITO_USER_POOLS" && q.cognitoGroups?has_content>

  @Test
  @DisplayName(${javaString(q.name + " refuses a user without its role")})
  void ${suffix?uncap_first}RefusesAUserWithoutItsRole() {
    JsonNode answer =
        AppSyncEvents.invoke(
            recording(),
            AppSyncEvents.query(
                ${javaString(q.operation)},
                Json.object(),
                new Caller("user-2", "other", List.of()),
                AuthType.AMAZON_COGNITO_USER_POOLS));

    assertEquals("UNAUTHORIZED", answer.path("error").path("type").asText(), answer.toString());
    assertEquals(List.of(), seen);
  }
</#if>
</#list>

  @Test
  @DisplayName("A field that is no custom query fails the invocation")
  void anUnknownFieldFails() {
    assertThrows(
        Responses.SystemFailure.class,
        () ->
            AppSyncEvents.invoke(
                recording(),
                AppSyncEvents.query(
                    "Query.noSuchQuery",
                    Json.object(),
                    new Caller("user-1", "tester", List.of()),
                    AuthType.AMAZON_COGNITO_USER_POOLS)));
  }
}
