package dev.tracepaper.run;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Views whose auth depends on the data, served by {@code tracepaper run} as the deployed resolvers
 * serve them (the projects example's PendingTask: {@code [role:admin, owner:assignee]}, its
 * byWorkspace query a {@code when} over the argument): a user reads their own rows, is refused
 * another's queue, and a relation into the view leaves out the rows they may not read.
 */
class LocalRunDataAuthTest {

  private static final String GRACE = LocalLibrary.token("u-grace", "grace", List.of());
  private static final String ALAN = LocalLibrary.token("u-alan", "alan", List.of());
  private static final String EVE = LocalLibrary.token("u-eve", "eve", List.of());

  @TempDir Path folder;

  @Test
  void eachUserReadsTheRowsTheAuthGivesThem() throws Exception {
    try (LocalLibrary projects = LocalLibrary.start(folder, "projects")) {
      String workspace =
          ok(projects.graphql(
                  "mutation { Workspace { create(input: {name: \"Compilers\", slug:"
                      + " \"compilers\"}) { id } } }",
                  GRACE))
              .at("/data/Workspace/create/id")
              .asString();
      String task = openTask(projects, workspace, "Inline small methods");
      openTask(projects, workspace, "Unassigned");
      ok(
          projects.graphql(
              "mutation { assignTask(input: {taskId: \""
                  + task
                  + "\", assignee: \"u-alan\"}) { id } }",
              GRACE));

      String get = "{ getPendingTask(taskId: \"" + task + "\") { title assignee } }";
      assertThat(ok(projects.graphql(get, ALAN)).at("/data/getPendingTask/title").asString())
          .isEqualTo("Inline small methods");
      assertThat(ok(projects.graphql(get, EVE)).at("/data/getPendingTask").isNull()).isTrue();

      String alansQueue = "{ pendingTasksByAssignee(assignee: \"u-alan\") { items { title } } }";
      assertThat(ok(projects.graphql(alansQueue, ALAN)).at("/data/pendingTasksByAssignee/items"))
          .hasSize(1);
      JsonNode refused = projects.graphql(alansQueue, EVE);
      assertThat(refused.at("/errors/0/errorType").asString()).isEqualTo("UNAUTHORIZED");
      assertThat(refused.at("/errors/0/message").asString())
          .isEqualTo("Not Authorized to access pendingTasksByAssignee on type Query");

      String byWorkspace =
          "{ pendingTasksByWorkspace(workspaceId: \"" + workspace + "\") { items { title } } }";
      assertThat(
              ok(projects.graphql(
                      byWorkspace,
                      LocalLibrary.token("u-eve", "eve", List.of(workspace + ":member"))))
                  .at("/data/pendingTasksByWorkspace/items"))
          .hasSize(2);
      assertThat(projects.graphql(byWorkspace, ALAN).at("/errors/0/errorType").asString())
          .isEqualTo("UNAUTHORIZED");

      String overview =
          "{ Workspace { get(workspaceId: \""
              + workspace
              + "\") { openTasks { items { title } } } } }";
      assertThat(
              ok(projects.graphql(overview, ALAN))
                  .at("/data/Workspace/get/openTasks/items")
                  .toString())
          .isEqualTo("[{\"title\":\"Inline small methods\"}]");
    }
  }

  private static String openTask(LocalLibrary projects, String workspace, String title)
      throws Exception {
    return ok(projects.graphql(
            "mutation { openTask(input: {workspaceId: \""
                + workspace
                + "\", title: \""
                + title
                + "\", dueOn: \"2099-03-01\"}) { id } }",
            GRACE))
        .at("/data/openTask/id")
        .asString();
  }

  private static JsonNode ok(JsonNode answer) {
    assertThat(answer.path("errors").toString()).isEqualTo("");
    return answer;
  }
}
