package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.GenerateCli;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.ProjectTemplates;
import dev.tracepaper.tools.SamBuild;
import graphql.ParseAndValidate;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The way from a generated project to a deployed one, as far as it runs without AWS: what {@code
 * sam build} runs (the generated Makefile's {@code build-<LogicalId>} targets, as SAM calls them)
 * succeeds on a machine without moto_server and under {@code CI=true}, and ships the shaded jar to
 * every function; {@code samconfig.toml} passes only parameters the template has; the README's
 * first call is a mutation of the schema. {@link TokenScriptTest} runs {@code scripts/token.sh}.
 */
class DeployPathTest {

  @TempDir Path temp;

  static Stream<String> models() {
    return GeneratedProjectsTest.models();
  }

  /**
   * Globals cannot hold Metadata: a function that forgets it would be built by SAM's Maven
   * workflow, which runs {@code mvn clean install} with every test.
   */
  @ParameterizedTest
  @MethodSource("models")
  void everyFunctionIsBuiltByTheMakefile(String model) throws Exception {
    Path project = generate(temp, model);
    for (String template : ProjectTemplates.of(project)) {
      Map<String, MappingNode> functions = SamBuild.functions(project.resolve(template));
      for (Map.Entry<String, MappingNode> function : functions.entrySet()) {
        assertWithMessage("%s of %s: %s's build", template, model, function.getKey())
            .that(SamBuild.scalar(function.getValue(), "Metadata", "BuildMethod"))
            .isEqualTo("makefile");
      }
    }
  }

  /**
   * Every stage's {@code parameter_overrides} names parameters of the root template: CloudFormation
   * refuses a deploy that passes an unknown one.
   */
  @ParameterizedTest
  @MethodSource("models")
  void samconfigOverridesOnlyTheTemplatesParameters(String model) throws Exception {
    Path project = generate(temp, model);
    List<String> parameters = SamBuild.parameters(project.resolve("template.yaml"));
    Matcher overrides =
        Pattern.compile("(?m)^parameter_overrides = \"(.*)\"$")
            .matcher(Files.readString(project.resolve("samconfig.toml"), UTF_8));
    int stages = 0;
    while (overrides.find()) {
      stages++;
      for (String override : overrides.group(1).split(" ")) {
        assertWithMessage("samconfig.toml of %s: %s", model, override)
            .that(parameters)
            .contains(override.substring(0, override.indexOf('=')));
      }
    }
    assertThat(stages).isEqualTo(3);
  }

  /**
   * The README's first call is a mutation of the schema (its JSON body read as curl sends it), by a
   * user the token script makes, or by the API key.
   */
  @ParameterizedTest
  @MethodSource("models")
  void theReadmesFirstCallIsAValidMutation(String model) throws Exception {
    Path project = generate(temp, model);
    String readme = Files.readString(project.resolve("README.md"), UTF_8);
    Matcher body = FIRST_CALL.matcher(readme);
    assertWithMessage("the README of %s has a first call", model).that(body.find()).isTrue();
    String query = JsonMapper.builder().build().readTree(body.group(1)).path("query").asString();
    GraphQLSchema schema =
        AppSyncSchema.validate(Files.readString(project.resolve("schema.graphql"), UTF_8));
    assertWithMessage("%s: %s", model, query)
        .that(ParseAndValidate.validate(schema, Parser.parse(query)))
        .isEmpty();
    assertThat(query).startsWith("mutation { ");
  }

  /** The body of the README's first call: one line of JSON in a here-document. */
  private static final Pattern FIRST_CALL =
      Pattern.compile("--data-binary @- <<'EOF'\n(\\{.*})\nEOF\n");

  /**
   * Every function's make target as {@code sam build} runs it ({@link SamBuild}): Maven runs once,
   * without the tests, and each function receives its jar alone: the automations' functions the
   * automations' jar, every other function the jar without the automations' SDK clients. The
   * library has nested stacks, whose functions name the project as {@code ..}, and automations that
   * send e-mail, write to S3 and read a secret.
   */
  @Test
  void samBuildsMakefileTargetsPackageTheJarsOnceWithoutMotoOrTests() throws Exception {
    ExternalTool.requireOrSkip("make", "the Makefile that sam build runs");
    Path project = generate(temp, "examples/library");
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Map<String, String> handlers = new LinkedHashMap<>();
    for (String template : ProjectTemplates.of(project)) {
      SamBuild.functions(project.resolve(template))
          .forEach((id, body) -> handlers.put(id, SamBuild.scalar(body, "Properties", "Handler")));
    }
    assertThat(handlers).containsKey("PublisherFunction");
    assertThat(handlers).containsKey("BookCommandFunction");
    assertThat(handlers).containsKey("WelcomeMemberAutomationFunction");

    List<String> mavenRuns = new ArrayList<>();
    long started = System.nanoTime();
    for (String id : handlers.keySet()) {
      Path artifacts = project.resolve(".aws-sam/build/" + id);
      SamBuild.Result make = SamBuild.makeTarget(project, id, artifacts, jdk);
      assertWithMessage("make build-%s:\n%s", id, make.output()).that(make.exitCode()).isEqualTo(0);
      String output = make.output();
      if (output.contains("./mvnw")) {
        mavenRuns.add(id);
      }
      String jar = automation(id) ? AUTOMATIONS_JAR : LAMBDA_JAR;
      assertWithMessage("what make put in %s's ARTIFACTS_DIR", id)
          .that(SamBuild.files(artifacts))
          .containsExactly("lib/" + jar);
      assertThat(Files.mismatch(artifacts.resolve("lib/" + jar), project.resolve("target/" + jar)))
          .isEqualTo(-1L);
    }
    System.out.printf(
        "[library] %d make targets in %d s%n",
        handlers.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertWithMessage("the functions whose make target ran Maven").that(mavenRuns).hasSize(1);
    assertWithMessage("tests compiled by sam build")
        .that(Files.exists(project.resolve("target/test-classes")))
        .isFalse();
    for (String jar : List.of(LAMBDA_JAR, AUTOMATIONS_JAR)) {
      try (ZipFile zip = new ZipFile(project.resolve("target/" + jar).toFile())) {
        handlers.forEach(
            (id, handler) -> {
              String entry = handler.substring(0, handler.indexOf("::")).replace('.', '/');
              if (jar.equals(AUTOMATIONS_JAR) || !automation(id)) {
                assertWithMessage("the handler %s in %s", handler, jar)
                    .that(zip.getEntry(entry + ".class"))
                    .isNotNull();
              }
            });
        assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("resolvers/")))
            .isEmpty();
        assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/maven/")))
            .isEmpty();
        List<String> clients =
            AUTOMATION_CLIENTS.stream()
                .filter(p -> zip.stream().anyMatch(e -> e.getName().startsWith(p)))
                .toList();
        assertWithMessage("the automations' clients in %s", jar)
            .that(clients)
            .containsExactlyElementsIn(
                jar.equals(AUTOMATIONS_JAR) ? AUTOMATION_CLIENTS : List.of());
      }
    }
    // What the other functions run refers to nothing the jar lacks that the full jar has, but
    // from the automations' code, which they never load.
    assertWithMessage("references the other functions' jar leaves unresolved")
        .that(missingOutsideAutomations(jdk, project.resolve("target/" + AUTOMATIONS_JAR)))
        .containsAtLeastElementsIn(
            missingOutsideAutomations(jdk, project.resolve("target/" + LAMBDA_JAR)));
  }

  private static final String LAMBDA_JAR = "library-lambda.jar";
  private static final String AUTOMATIONS_JAR = "library-automations.jar";

  /** The packages of the clients the library's automations use, which only their jar holds. */
  private static final List<String> AUTOMATION_CLIENTS =
      List.of(
          "software/amazon/awssdk/services/sesv2/",
          "software/amazon/awssdk/services/s3/",
          "software/amazon/awssdk/services/secretsmanager/");

  private static boolean automation(String functionId) {
    return functionId.endsWith("AutomationFunction");
  }

  /**
   * The references from a class of {@code jar} to a class it lacks ({@code jdeps --missing-deps}),
   * leaving out those of the automations' code (the runtime's and the project's).
   */
  private static List<String> missingOutsideAutomations(Path jdk, Path jar) throws Exception {
    Process jdeps =
        new ProcessBuilder(
                jdk.resolve("bin/jdeps").toString(),
                "--multi-release",
                "21",
                "--missing-deps",
                jar.toString())
            .redirectErrorStream(true)
            .start();
    List<String> lines;
    try (var out = jdeps.getInputStream()) {
      lines = new String(out.readAllBytes(), UTF_8).lines().toList();
    }
    assertWithMessage("jdeps of %s", jar).that(jdeps.waitFor()).isEqualTo(0);
    return lines.stream()
        .map(String::strip)
        .filter(
            l ->
                l.contains(" -> ")
                    && l.endsWith("not found")
                    && !l.startsWith(jar.getFileName() + " "))
        .filter(l -> !l.startsWith("dev.tracepaper.runtime.automation."))
        .filter(l -> !l.startsWith("com.example.library.automations."))
        .map(l -> l.replaceAll("\\s+", " "))
        .sorted()
        .toList();
  }

  /** The project generated from {@code model} into {@code temp}/project. */
  static Path generate(Path temp, String model) {
    Path out = temp.resolve("project");
    GenerateCli.generate(TestPaths.root().resolve(model), out);
    return out;
  }
}
