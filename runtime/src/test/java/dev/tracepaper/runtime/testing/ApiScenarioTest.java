package dev.tracepaper.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.RowChange;
import dev.tracepaper.runtime.RowReader;
import dev.tracepaper.runtime.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * What a scenario step does besides calling the handlers (which the generated projects' scenario
 * tests run): variables put into values, paths into answers, queries answered from rows by the
 * resolvers' rules, and coverage against the model's minimums.
 */
class ApiScenarioTest {

  /** A view of tasks: key {@code taskId}. */
  private static final Projection TASKS =
      new Projection() {
        @Override
        public String view() {
          return "Task";
        }

        @Override
        public String keyField() {
          return "taskId";
        }

        @Override
        public String tableVariable() {
          return "TASK_TABLE";
        }

        @Override
        public String tableSuffix() {
          return "Task";
        }

        @Override
        public long retentionDays() {
          return 0;
        }

        @Override
        public boolean handles(StoredEvent event) {
          return false;
        }

        @Override
        public List<RowChange> project(StoredEvent event, RowReader rows) {
          return List.of();
        }
      };

  private static final List<ObjectNode> ROWS =
      List.of(
          row(
              "{\"taskId\":\"t1\",\"assignee\":\"u-alan\",\"title\":\"Fix the build\",\"due\":\"2026-03-02\"}"),
          row(
              "{\"taskId\":\"t2\",\"assignee\":\"u-alan\",\"title\":\"Fix a test\",\"due\":\"2026-03-01\"}"),
          row("{\"taskId\":\"t3\",\"assignee\":\"u-alan\",\"title\":\"Write docs\"}"),
          row(
              "{\"taskId\":\"t4\",\"assignee\":\"u-grace\",\"title\":\"Fix it\",\"due\":\"2026-01-01\"}"));

  private static ObjectNode row(String json) {
    return (ObjectNode) Json.parse(json);
  }

  /** A back end that holds {@link #ROWS} and runs nothing. */
  private static final ScenarioBackEnd ROWS_ONLY =
      new ScenarioBackEnd() {
        @Override
        public JsonNode mutate(ScenarioApi.Command command, JsonNode appSyncEvent) {
          throw new UnsupportedOperationException();
        }

        @Override
        public void settle() {}

        @Override
        public Optional<ObjectNode> row(Projection view, String key) {
          return ROWS.stream().filter(r -> r.path("taskId").asText().equals(key)).findFirst();
        }

        @Override
        public List<ObjectNode> rows(Projection view) {
          return ROWS;
        }

        @Override
        public boolean eventual() {
          return false;
        }

        @Override
        public List<StoredEvent> recorded() {
          return List.of();
        }

        @Override
        public void close() {}
      };

  private static final Caller ALAN = new Caller("u-alan", "alan", List.of());
  private static final Caller ADMIN = new Caller("u-root", "root", List.of("admin"));

  private static ScenarioApi.Query byAssignee(boolean ascending, String prefix) {
    return new ScenarioApi.Query(
        "Task.byAssignee",
        TASKS,
        ScenarioApi.Kind.INDEX,
        "assignee",
        prefix == null ? "due" : "title",
        ascending,
        prefix,
        List.of("admin"),
        List.of("assignee"));
  }

  private static List<String> keys(JsonNode answer) {
    List<String> keys = new java.util.ArrayList<>();
    answer.path("items").forEach(r -> keys.add(r.path("taskId").asText()));
    return keys;
  }

  @Test
  void anIndexQueryAnswersTheRowsOfItsValueInItsOrderLeavingOutRowsWithoutTheSortField() {
    JsonNode args = Json.parse("{\"assignee\":\"u-alan\"}");

    assertEquals(
        List.of("t2", "t1"),
        keys(ScenarioQueries.answer(byAssignee(true, null), args, ALAN, ROWS_ONLY)));
    assertEquals(
        List.of("t1", "t2"),
        keys(ScenarioQueries.answer(byAssignee(false, null), args, ALAN, ROWS_ONLY)));
  }

  @Test
  void aPrefixQueryAnswersTheRowsWhoseSortFieldBeginsWithTheText() {
    JsonNode args = Json.parse("{\"assignee\":\"u-alan\",\"titlePrefix\":\"Fix\"}");

    // In the title's code-point order: "Fix a test" before "Fix the build"; "Write docs" is out.
    assertEquals(
        List.of("t2", "t1"),
        keys(ScenarioQueries.answer(byAssignee(true, "titlePrefix"), args, ALAN, ROWS_ONLY)));
  }

  @Test
  void aQueryKeyedByTheOwnerFieldRefusesAnothersKeyButNotARole() {
    JsonNode args = Json.parse("{\"assignee\":\"u-grace\"}");

    ScenarioQueries.Refused refused =
        assertThrows(
            ScenarioQueries.Refused.class,
            () -> ScenarioQueries.answer(byAssignee(true, null), args, ALAN, ROWS_ONLY));
    assertEquals("UNAUTHORIZED", refused.getMessage());
    assertEquals(
        List.of("t4"),
        keys(ScenarioQueries.answer(byAssignee(true, null), args, ADMIN, ROWS_ONLY)));
  }

  @Test
  void aGetAnswersNullForARowTheCallerDoesNotOwn() {
    ScenarioApi.Query get =
        new ScenarioApi.Query(
            "Task.get",
            TASKS,
            ScenarioApi.Kind.GET,
            "taskId",
            null,
            true,
            null,
            List.of("admin"),
            List.of("assignee"));

    assertTrue(
        ScenarioQueries.answer(get, Json.parse("{\"taskId\":\"t4\"}"), ALAN, ROWS_ONLY).isNull());
    assertEquals(
        "Fix the build",
        ScenarioQueries.answer(get, Json.parse("{\"taskId\":\"t1\"}"), ALAN, ROWS_ONLY)
            .path("title")
            .asText());
  }

  @Test
  void aQueryForRolesAloneRefusesACallerWithoutThem() {
    ScenarioApi.Query list =
        new ScenarioApi.Query(
            "Task.list",
            TASKS,
            ScenarioApi.Kind.LIST,
            null,
            null,
            true,
            null,
            List.of("admin"),
            List.of());

    assertThrows(
        ScenarioQueries.Refused.class,
        () -> ScenarioQueries.answer(list, Json.object(), ALAN, ROWS_ONLY));
    assertEquals(
        4, ScenarioQueries.answer(list, Json.object(), ADMIN, ROWS_ONLY).path("items").size());
  }

  @Test
  void aVariableAloneKeepsItsTypeAndInsideATextGivesItsText() {
    ApiScenario scenario =
        ApiScenario.inMemory(ScenarioApi.builder().build(), null)
            .set("count", "2")
            .set("project", "\"p1\"")
            .set("build", "\"${project}:b7\"");

    JsonNode value =
        scenario.substitute(
            Json.parse("{\"n\":\"${count}\",\"id\":\"${build}\",\"l\":[\"${count}x\"]}"));

    assertEquals(Json.parse("{\"n\":2,\"id\":\"p1:b7\",\"l\":[\"2x\"]}"), value);
    AssertionFailedError unknown =
        assertThrows(
            AssertionFailedError.class, () -> scenario.substitute(Json.parse("\"${nope}\"")));
    assertTrue(unknown.getMessage().contains("${nope}"), unknown.getMessage());
  }

  @Test
  void aPathNamesFieldsAndListPositions() {
    JsonNode answer = Json.parse("{\"items\":[{\"iam\":[{\"username\":\"ann\"}]}]}");

    assertEquals("ann", ApiScenario.at(answer, "items.0.iam.0.username").asText());
    assertTrue(ApiScenario.at(answer, "items.1.iam").isMissingNode());
  }

  @Test
  void coverageBelowTheMinimumFailsNamingWhatWasNotCovered(@TempDir Path dir) throws Exception {
    ScenarioApi api =
        ScenarioApi.builder().events("Task.TaskOpened", "Task.TaskClosed").views("Task").build();
    ScenarioCoverage coverage = new ScenarioCoverage(api);
    coverage.queried("Task");
    Path file = dir.resolve("scenario-coverage.txt");

    coverage.report(0, 100, file);
    AssertionFailedError below =
        assertThrows(AssertionFailedError.class, () -> coverage.report(1, 100, file));

    assertTrue(below.getMessage().contains("Task.TaskOpened, Task.TaskClosed"), below.getMessage());
    assertTrue(
        Files.readString(file)
            .startsWith("Scenario coverage: events 0/2 (0%, minimum 1%); views 1/1"),
        Files.readString(file));
  }
}
