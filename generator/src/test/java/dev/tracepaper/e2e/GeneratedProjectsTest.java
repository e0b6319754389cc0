package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product as a user gets it: each example (and the model of hostile texts) is generated, then
 * the generated project is built and tested by its own {@code ./mvnw verify} (its model cases, and
 * its integration tests on moto_server), its {@code template.yaml} linted by cfn-lint and its
 * {@code schema.graphql} validated as AppSync would.
 */
class GeneratedProjectsTest {

  @TempDir Path temp;

  static Stream<String> models() {
    return Stream.of(
        "examples/library",
        "examples/clinic",
        "examples/projects",
        "generator/src/test/resources/e2e/hostile");
  }

  @ParameterizedTest
  @MethodSource("models")
  void theGeneratedProjectBuildsAndPassesItsTests(String model) throws Exception {
    Path out = temp.resolve("project");
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "generate", TestPaths.root().resolve(model).toString(), "-o", out.toString()
            },
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage("tracepaper generate %s: %s", model, output).that(exit).isEqualTo(0);

    AppSyncSchema.validate(Files.readString(out.resolve("schema.graphql"), UTF_8));

    ExternalTool cfnLint = ExternalTool.requireOrSkip("cfn-lint", "linting template.yaml");
    ExternalTool.Result lint = cfnLint.run(out, "template.yaml");
    assertWithMessage("cfn-lint template.yaml of %s:\n%s", model, lint.output())
        .that(lint.exitCode())
        .isEqualTo(0);

    ExternalTool.requireOrSkip("moto_server", "the generated integration tests", "--help");
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Build build = verify(out, jdk);
    assertWithMessage("./mvnw verify of the project generated from %s:\n%s", model, build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
  }

  /** One run of Maven: its exit code and the end of what it printed. */
  record Build(int exitCode, String output) {
    String tail() {
      List<String> lines = output.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
  }

  /**
   * Runs {@code ./mvnw -B verify} offline first (no network when the local repository has every
   * artifact), then online if an artifact was missing.
   */
  private static Build verify(Path project, Path jdk) throws IOException, InterruptedException {
    Build offline = maven(project, jdk, true);
    if (offline.exitCode() == 0 || !missingArtifact(offline.output())) {
      return offline;
    }
    return maven(project, jdk, false);
  }

  private static boolean missingArtifact(String output) {
    return output.contains("offline mode")
        || output.contains("has not been downloaded")
        || output.contains("Could not resolve");
  }

  private static Build maven(Path project, Path jdk, boolean offline)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-ntp"));
    if (offline) {
      command.add("-o");
    }
    command.add("verify");
    Path log = Files.createTempFile("generated-build", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", jdk.toString());
      Optional.ofNullable(System.getenv("MAVEN_OPTS"))
          .ifPresent(o -> builder.environment().put("MAVEN_OPTS", o));
      Process process = builder.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Build(-1, "timed out after 15 minutes\n" + Files.readString(log, UTF_8));
      }
      return new Build(process.exitValue(), Files.readString(log, UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
