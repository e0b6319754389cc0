package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.render.RuntimeRepository;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.GenerateCli;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import dev.tracepaper.tools.ProjectTemplates;
import java.io.File;
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
 * its integration tests on moto_server), its {@code template.yaml} and nested stacks linted by
 * cfn-lint and its {@code schema.graphql} validated as AppSync would. The clinic's project is
 * generated with extension files, so its template and pom are merged ones.
 */
class GeneratedProjectsTest {

  @TempDir Path temp;

  static Stream<String> models() {
    return Stream.of(
        "examples/library",
        "examples/clinic",
        "examples/projects",
        "examples/tracepaper-studio",
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
    GenerateCli.generate(TestPaths.root().resolve(model), out);

    AppSyncSchema.validate(Files.readString(out.resolve("schema.graphql"), UTF_8));

    ExternalTool.Result lint = ProjectTemplates.lint(out, "linting the templates");
    assertWithMessage("cfn-lint %s of %s:\n%s", ProjectTemplates.of(out), model, lint.output())
        .that(lint.exitCode())
        .isEqualTo(0);

    ExternalTool.requireOrSkip("moto_server", "the generated integration tests", "--help");
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    // The runtime's own tests (soak, faults, stores) run in its module, not here: a generated
    // project runs the tests its model derives, against the runtime of .mvn/repository.
    MavenBuild.Result build = MavenBuild.run(out, jdk, "verify");
    assertWithMessage("./mvnw verify of the project generated from %s:\n%s", model, build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
    if (model.equals("examples/library")) {
      theBuildUsedTheProjectsOwnRuntime(out, jdk);
    }
  }

  /**
   * The runtime on the class path is the one in the project's .mvn/repository, not one that ~/.m2
   * cached from an earlier build of the runtime, even in the offline build the harness runs first
   * (docs/runtime.md, "Offline builds").
   */
  private void theBuildUsedTheProjectsOwnRuntime(Path project, Path jdk) throws Exception {
    Path classpath = temp.resolve("classpath.txt");
    MavenBuild.Result resolved =
        MavenBuild.run(
            project, jdk, "-q", "dependency:build-classpath", "-Dmdep.outputFile=" + classpath);
    assertWithMessage(resolved.tail()).that(resolved.exitCode()).isEqualTo(0);
    Path used =
        Stream.of(Files.readString(classpath, UTF_8).strip().split(File.pathSeparator))
            .map(Path::of)
            .filter(jar -> jar.getFileName().toString().startsWith("tracepaper-runtime-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no runtime on the class path: " + classpath));
    Path shipped;
    try (Stream<Path> files = Files.walk(project.resolve(RuntimeRepository.FOLDER))) {
      shipped =
          files
              .filter(f -> f.toString().endsWith(".jar") && !f.toString().endsWith("-tests.jar"))
              .findFirst()
              .orElseThrow();
    }
    assertWithMessage("the runtime %s on the class path is the project's %s", used, shipped)
        .that(Files.readAllBytes(used))
        .isEqualTo(Files.readAllBytes(shipped));
  }
}
