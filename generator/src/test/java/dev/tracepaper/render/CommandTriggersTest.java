package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's {@code on}: each event gets a handler that builds the command's input from it (each
 * field mapped, filled by the system, copied by name, defaulted or absent), checks it as the API's
 * input is checked, and runs the command's one flow; a case with {@code on} runs through it.
 */
class CommandTriggersTest {

  private static final String MODEL =
      """
      tracepaper: 1
      app: {name: studio, package: com.example.studio, auth: {roles: [admin]}}
      enums:
        Kind: [PERSONAL, TEAM]
      aggregates:
        User:
          key: username
          fields: {username: String, fullName: String}
          events:
            UserCreated: {fields: {username: String, fullName: String}}
            UserRenamed: {fields: {username: String, fullName: String, code: Int}}
          commands:
            CreateUser:
              creates: true
              fields: {username: String, fullName: String}
              emits: [UserCreated]
              tests: [{when: {username: jdoe, fullName: J Doe}, then: {events: [UserCreated]}}]
            RenameUser:
              fields: {username: String, fullName: String, code: Int}
              emits: [UserRenamed]
              tests:
                - given: [UserCreated: {username: jdoe, fullName: J Doe}]
                  when: {username: jdoe, fullName: John Doe, code: 7}
                  then: {events: [UserRenamed]}
        Workspace:
          key: drn
          fields: {drn: String, name: String, kind: Kind, owner: String, createdBy: String, code: Int, note: String}
          events:
            WorkspaceCreated:
              fields: {drn: String, name: String, kind: Kind, owner: String, createdBy: String, code: Int, note: String}
          commands:
            CreateWorkspace:
              creates: true
              auth: role:admin
              key: "'W' + string(crc32(command.owner))"
              fields:
                name: {type: String, minLength: 3, maxLength: 20}
                kind: {type: Kind, default: TEAM}
                owner: String
                createdBy: {type: String, autoFill: userId}
                code: {type: Int, default: 0}
                note: {type: String, required: false}
              on:
                User.UserCreated:
                  name: "event.fullName + ' home'"
                  kind: "'PERSONAL'"
                  owner: event.username
                  note: "'made for ' + user.id + ' in ' + formatTime(now, 'yyyy')"
                User.UserRenamed: {name: event.fullName, owner: event.username}
              let:
                drn: "'W' + string(crc32(command.owner))"
              emits: [WorkspaceCreated]
              tests:
                - as: {id: u-root, roles: [admin]}
                  when: {name: Compilers, owner: jdoe}
                  then: {events: [{WorkspaceCreated: {kind: TEAM, createdBy: u-root}}]}
                - as: {id: u-jdoe}
                  on: User.UserCreated
                  when: {username: jdoe, fullName: J Doe}
                  then: {events: [{WorkspaceCreated: {name: J Doe home, kind: PERSONAL, createdBy: u-jdoe}}]}
      """;

  @Test
  void eachEventBuildsTheInputAndRunsTheCommandsFlow(@TempDir Path folder) throws Exception {
    Path model = folder.resolve("model.yaml");
    Files.writeString(model, MODEL);
    Map<String, String> files = GeneratedGoldenTest.render(model);
    String workspace = "src/main/java/com/example/studio/workspace/";

    // One flow: the events run the command's, and get no flow class of their own.
    assertThat(files).containsKey(workspace + "CreateWorkspaceFlow.java");
    assertThat(files).doesNotContainKey(workspace + "CreateWorkspaceOnUserCreatedFlow.java");

    String created = files.get(workspace + "CreateWorkspaceOnUserCreatedHandler.java");
    assertThat(created)
        .contains(
            """
              static CreateWorkspace input(UserCreated event, Metadata metadata) {
                Caller user = metadata.caller();
                Instant now = metadata.now();
                return CreateWorkspace.checked(
                    new CreateWorkspace(
                        event.fullName() + " home",
                        Kind.PERSONAL,
                        event.username(),
                        metadata.caller().id(),
                        0L,
            """);
    assertThat(created).contains("CreateWorkspace command = input(event, metadata);");
    assertThat(created)
        .contains("state -> CreateWorkspaceFlow.decide(command, state, user, metadata.now())");

    // Not mapped: the kind's default, the code copied by name, the optional note absent.
    String renamed = files.get(workspace + "CreateWorkspaceOnUserRenamedHandler.java");
    assertThat(renamed)
        .containsMatch(
            "new CreateWorkspace\\(\\s*event\\.fullName\\(\\),\\s*Kind\\.TEAM,\\s*event\\.username\\(\\),"
                + "\\s*metadata\\.caller\\(\\)\\.id\\(\\),\\s*event\\.code\\(\\),\\s*null\\)\\);");

    // Required fields must have a value; the constraints are the API's (no length check here).
    assertThat(files.get(workspace + "CreateWorkspace.java"))
        .contains("input.required(\"owner\", command.owner());");
    assertThat(files.get(workspace + "CreateWorkspace.java"))
        .doesNotContain("input.maxLength(\"name\", command.name()");

    // The case with `on` is delivered through its event's handler.
    assertThat(files.get("src/test/java/com/example/studio/workspace/CreateWorkspaceTest.java"))
        .contains(".whenEvent(\n                CreateWorkspaceOnUserCreatedHandler::new,");

    // Delivered as a policy's trigger: a rule on the event.
    String stacks = String.join("\n", files.values());
    assertThat(stacks).contains("CreateWorkspaceOnUserRenamedPolicyRule:");
    assertThat(stacks)
        .containsMatch(
            "Handler: \"com\\.example\\.studio\\.workspace\\.CreateWorkspaceOnUserRenamed");
  }
}
