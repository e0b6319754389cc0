package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product as a user gets it: each example (and the model of hostile texts, and the model of the
 * shapes that once validated and then failed in the build, {@code e2e/shapes}) is generated, then
 * the generated project is built and tested by its own {@code ./mvnw verify} (its model cases, and
 * its integration tests on moto_server), its {@code template.yaml} linted by cfn-lint and its
 * {@code schema.graphql} validated as AppSync would. The clinic's project is generated with
 * extension files, so its template and pom are merged ones.
 */
class GeneratedProjectsTest {

  /**
   * The runtime's soak test (2,000 commands by default) does not depend on the model: it runs in
   * full in the first project only, and with fewer commands in the others.
   */
  static final String SHORT_SOAK = "-Dsoak.commands=200";

  @TempDir Path temp;

  static Stream<String> models() {
    return Stream.of(
        "examples/library",
        "examples/clinic",
        "examples/projects",
        "generator/src/test/resources/e2e/hostile",
        "generator/src/test/resources/e2e/shapes");
  }

  /**
   * Hand-written extension files (docs/extending.md) a model's project gets before it is generated,
   * so that one project built here is a merged one.
   */
  static final java.util.Map<String, String> EXTENSIONS =
      java.util.Map.of("examples/clinic", "generator/src/test/resources/e2e/extensions/clinic");

  @ParameterizedTest
  @MethodSource("models")
  void theGeneratedProjectBuildsAndPassesItsTests(String model) throws Exception {
    Path out = temp.resolve("project");
    if (EXTENSIONS.containsKey(model)) {
      Path extensions = Files.createDirectories(out.resolve("extensions"));
      try (Stream<Path> files = Files.list(TestPaths.root().resolve(EXTENSIONS.get(model)))) {
        for (Path file : files.toList()) {
          Files.copy(file, extensions.resolve(file.getFileName()));
        }
      }
    }
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
    MavenBuild.Result build =
        model.equals("examples/library")
            ? MavenBuild.run(out, jdk, "verify")
            : MavenBuild.run(out, jdk, "verify", SHORT_SOAK);
    assertWithMessage("./mvnw verify of the project generated from %s:\n%s", model, build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
  }
}
