package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.cli.Main;
import dev.tracepaper.extend.ComposedFunctions;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import dev.tracepaper.tools.ProjectTemplates;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded-random property test over models built from the language's constructs ({@link
 * RandomModel}): every model either generates a project whose Java sources compile (in-process with
 * the JDK compiler, as the project's own build compiles them) and whose model tests pass ({@link
 * ModelTests}; the first project also gets its full {@code ./mvnw verify}), or fails validation
 * with exit 1 and diagnostics located at a line and column of the model, never an internal error; a
 * model given a mistake on purpose must fail validation, and one given none must pass it. The base
 * seed is printed; replay one model with {@code -Dproperty.seed=N}, run more with {@code
 * -Dproperty.cases=N}.
 */
class RandomModelsPropertyTest {

  private static final long BASE_SEED = Long.getLong("property.seed", System.nanoTime());
  private static final int CASES =
      Integer.getInteger("property.cases", System.getProperty("property.seed") != null ? 1 : 24);
  private static final Pattern LOCATED = Pattern.compile("model-\\d+\\.yaml:\\d+:\\d+: error\\[");

  @TempDir Path temp;

  @Test
  void everyModelGeneratesACompilingProjectOrFailsWithLocatedDiagnostics() throws Exception {
    long started = System.nanoTime();
    System.out.println("RandomModelsPropertyTest base seed: " + BASE_SEED);
    Map<Path, String> projects = new LinkedHashMap<>();
    int invalid = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = BASE_SEED + i;
      RandomModel.Generated model = RandomModel.of(seed);
      Path file = temp.resolve("model-" + Math.floorMod(seed, 1_000_000) + ".yaml");
      Files.writeString(file, model.yaml(), UTF_8);
      Path out = temp.resolve("project-" + i);
      StringWriter output = new StringWriter();
      int exit =
          Main.run(
              new String[] {"generate", file.toString(), "-o", out.toString(), "-q"},
              new PrintWriter(output),
              new PrintWriter(output));
      String what =
          "seed %d (replay with -Dproperty.seed=%d):\n%s\n%s"
              .formatted(seed, seed, model.yaml(), output);
      assertWithMessage(what).that(exit).isAnyOf(0, 1);
      // Every mistake the model was given is one validation must find, not the build; a model
      // given none is valid, or the shapes collided and fewer projects get built.
      assertWithMessage(
              (model.mistake() ? "a mistake that validated, " : "a valid model refused, ") + what)
          .that(exit)
          .isEqualTo(model.mistake() ? 1 : 0);
      assertWithMessage(what).that(output.toString()).doesNotContain("Exception");
      if (exit == 1) {
        assertWithMessage(what).that(output.toString()).containsMatch(LOCATED);
        invalid++;
        System.out.printf(
            "seed %d: invalid: %s%n",
            seed,
            output
                .toString()
                .lines()
                .filter(l -> LOCATED.matcher(l).find())
                .findFirst()
                .orElse(""));
      } else {
        // The starter lists the functions as composing every template finds them, whatever
        // shape of nested stacks the model got (it reads them off the text where it can).
        assertWithMessage("the starter's functions, " + what)
            .that(ComposedFunctions.listedByTheStarter(out))
            .containsExactlyElementsIn(ComposedFunctions.of(out));
        projects.put(out, what);
        step(started, "seed %d: generated %s".formatted(seed, out.getFileName()));
      }
    }
    System.out.printf(
        "RandomModelsPropertyTest: %d models, %d generated, %d invalid%n",
        CASES, projects.size(), invalid);
    if (projects.isEmpty()) {
      return;
    }

    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Path first = projects.keySet().iterator().next();
    step(started, "resolving the generated projects' test classpath");
    Path classpath = CompiledProjects.testClasspath(projects.keySet(), jdk, temp);

    // The handler tests run where moto_server is; the full build below requires it (under CI).
    boolean moto = CompiledProjects.motoOnPath();
    step(
        started,
        "compiling the %d generated projects and running their model tests"
            .formatted(projects.size()));
    Map<Path, String> compiled = CompiledProjects.compile(jdk, classpath, moto, projects.keySet());
    for (Map.Entry<Path, String> project : projects.entrySet()) {
      assertWithMessage(
              "the project of %s\ndoes not compile or fails its model's tests:\n%s",
              project.getValue(), compiled.get(project.getKey()))
          .that(compiled.get(project.getKey()))
          .isEqualTo("ok");
    }

    ExternalTool.requireOrSkip("moto_server", "the generated integration tests", "--help");
    step(started, "./mvnw verify of the first generated project, " + first.getFileName());
    MavenBuild.Result build = MavenBuild.run(first, jdk, "verify");
    step(started, "./mvnw verify of the first generated project done");
    assertWithMessage("./mvnw verify of %s\n%s", projects.get(first), build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
    // Its templates too: random aggregates are in a shared subdomain, one of their own, or the
    // root, so the nested stacks and what passes between them get random shapes.
    ExternalTool.Result lint = ProjectTemplates.lint(first, "linting the generated templates");
    assertWithMessage(
            "cfn-lint %s of %s\n%s", ProjectTemplates.of(first), projects.get(first), lint.output())
        .that(lint.exitCode())
        .isEqualTo(0);
  }

  /** A line of progress with the time since the test started: the test runs for minutes. */
  private static void step(long started, String what) {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf("[RandomModelsPropertyTest %d:%02d] %s%n", seconds / 60, seconds % 60, what);
    System.out.flush();
  }
}
