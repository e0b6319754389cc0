package dev.tracepaper.engine;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.engine.ReadAccess.Scope;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads whose auth depends on the data, decided as the generated resolvers decide them: the
 * examples' owner fields and conditions (projects' PendingTask, the studio's project views).
 */
class ReadAccessTest {

  private static final JsonMapper JSON = new JsonMapper();
  private static final Caller ALAN = new Caller("u-alan", "alan", List.of());
  private static final Caller ADMIN = new Caller("u-root", "root", List.of("admin"));

  private static Engine projects;
  private static Engine studio;

  @BeforeAll
  static void examples() {
    projects = new Engine(index("projects"));
    studio = new Engine(index("tracepaper-studio"));
  }

  private static ModelIndex index(String example) {
    Path folder = TestPaths.examples().resolve(example);
    return new Validator().run(List.of(folder), folder).index().orElseThrow();
  }

  private static View view(Engine engine, String name) {
    return engine.index().view(name).orElseThrow();
  }

  private static Optional<Query> query(View view, String name) {
    return view.queries().orElseThrow().stream().filter(q -> q.name().equals(name)).findFirst();
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  private static ReadAccess.Reader pending(String query, String argument, Caller who, String args) {
    View view = view(projects, "PendingTask");
    return projects
        .readAccess()
        .reader(
            view,
            query(view, query),
            argument,
            who,
            AuthType.AMAZON_COGNITO_USER_POOLS,
            json(args));
  }

  @Test
  void anOwnerFieldReadsOnlyTheCallersRows() {
    ReadAccess.Reader reader = pending("get", "taskId", ALAN, "{\"taskId\": \"t1\"}");

    assertThat(reader.scope()).isEqualTo(Scope.SOME_ROWS);
    assertThat(reader.admits(json("{\"taskId\": \"t1\", \"assignee\": \"u-alan\"}"))).isTrue();
    assertThat(reader.admits(json("{\"taskId\": \"t1\", \"assignee\": \"u-eve\"}"))).isFalse();
    assertThat(reader.admits(json("{\"taskId\": \"t1\"}"))).isFalse();
  }

  @Test
  void anOwnerFieldThatIsTheArgumentIsDecidedBeforeAnyRowIsRead() {
    assertThat(pending("byAssignee", "assignee", ALAN, "{\"assignee\": \"u-alan\"}").scope())
        .isEqualTo(Scope.EVERY_ROW);
    assertThat(pending("byAssignee", "assignee", ALAN, "{\"assignee\": \"u-eve\"}").scope())
        .isEqualTo(Scope.REFUSED);
  }

  @Test
  void aRoleOfTheAuthReadsEveryRow() {
    ReadAccess.Reader reader =
        pending("byAssignee", "assignee", ADMIN, "{\"assignee\": \"u-eve\"}");

    assertThat(reader.scope()).isEqualTo(Scope.EVERY_ROW);
    assertThat(reader.admits(json("{\"assignee\": \"u-eve\"}"))).isTrue();
  }

  @Test
  void aConditionOverTheArgumentsAdmitsTheGroupItNames() {
    Caller member = new Caller("u-alan", "alan", List.of("w1:member"));

    assertThat(pending("byWorkspace", "workspaceId", member, "{\"workspaceId\": \"w1\"}").scope())
        .isEqualTo(Scope.EVERY_ROW);
    assertThat(pending("byWorkspace", "workspaceId", member, "{\"workspaceId\": \"w2\"}").scope())
        .isEqualTo(Scope.REFUSED);
  }

  @Test
  void anIamOrApiKeyCallerIsAdmittedByItsModeNotByTheData() {
    View view = view(projects, "PendingTask");
    ReadAccess.Reader reader =
        projects
            .readAccess()
            .reader(
                view,
                query(view, "get"),
                "taskId",
                new Caller("role/ops", "role/ops", List.of()),
                AuthType.AWS_IAM,
                json("{\"taskId\": \"t1\"}"));

    assertThat(reader.scope()).isEqualTo(Scope.EVERY_ROW);
  }

  @Test
  void aConditionOverTheRowIsEvaluatedPerRowWithCelsFunctions() {
    View view = view(studio, "ProjectView");
    Caller viewer = new Caller("u-ada", "ada", List.of("u1:acme-viewer"));
    ReadAccess.Reader reader =
        studio
            .readAccess()
            .reader(
                view, Optional.empty(), "", viewer, AuthType.AMAZON_COGNITO_USER_POOLS, json("{}"));

    assertThat(reader.scope()).isEqualTo(Scope.SOME_ROWS);
    assertThat(reader.admits(json("{\"drn\": \"u1:acme:crm\"}"))).isTrue();
    assertThat(reader.admits(json("{\"drn\": \"u1:ops:crm\"}"))).isFalse();
    // An element out of range refuses the row, as the resolver's at() does.
    assertThat(reader.admits(json("{\"drn\": \"u1\"}"))).isFalse();
  }
}
