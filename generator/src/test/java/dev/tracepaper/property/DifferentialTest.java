package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.tools.Jdks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential test of {@code tracepaper test} against the generated code (issue 16): for a few
 * random models ({@link RandomModel}), a random sequence of commands (valid and refused inputs,
 * keys used again, rules that refuse, policies that follow) runs on the engine, and what the engine
 * answered becomes a scenario of the model ({@link DifferentialModel}); the generated project's
 * {@code ScenariosTest} must then reproduce it exactly, and for one seed its {@code
 * ScenariosOnMotoTest} too. A first model also carries scenarios that each change one expected
 * value: the engine and the generated code must both fail them, so that the comparison cannot pass
 * vacuously. The base seed is printed; replay one model with {@code -Ddifferential.seed=N}, run
 * more with {@code -Ddifferential.seeds=N}.
 */
class DifferentialTest {

  private static final long BASE_SEED = Long.getLong("differential.seed", System.nanoTime());
  private static final boolean ONE_SEED = System.getProperty("differential.seed") != null;
  private static final int SEEDS = Integer.getInteger("differential.seeds", ONE_SEED ? 1 : 3);

  /**
   * The examples, one of which each run takes. Not projects: a policy there makes a key (a user's
   * personal workspace, a uuid), which no answer names, so a scenario cannot take it in a variable.
   */
  private static final List<String> EXAMPLES = List.of("library", "clinic", "tracepaper-studio");

  /** Where the models are written, kept after the run for {@code tracepaper test} and a replay. */
  private static final Path MODELS = TestPaths.root().resolve("generator/target/differential");

  @TempDir Path temp;

  private final long started = System.nanoTime();

  @Test
  void theGeneratedCodeAnswersEveryRandomSequenceAsTheEngineDoes() throws Exception {
    System.out.println("DifferentialTest base seed: " + BASE_SEED);
    List<DifferentialModel> models = new ArrayList<>();
    for (long seed = BASE_SEED; models.size() < SEEDS && seed < BASE_SEED + SEEDS * 4L; seed++) {
      boolean mutated = models.isEmpty() && !ONE_SEED;
      Path folder = MODELS.resolve("seed-" + seed);
      var model = DifferentialModel.of(seed, folder, mutated);
      if (model.isEmpty()) {
        step("seed %d: the random model has a mistake on purpose; next seed".formatted(seed));
        continue;
      }
      models.add(model.get());
      step(
          "seed %d: %d steps on the engine%s, model in %s"
              .formatted(
                  seed,
                  model.get().steps().size(),
                  mutated ? " and " + model.get().mutations().size() + " mutations" : "",
                  folder));
    }
    // And one example, by the base seed: they have the constructs random models lack.
    String example = EXAMPLES.get((int) Math.floorMod(BASE_SEED, (long) EXAMPLES.size()));
    Path exampleFolder = MODELS.resolve(example + "-" + BASE_SEED);
    models.add(
        DifferentialModel.ofExample(
            TestPaths.examples().resolve(example), BASE_SEED, exampleFolder));
    step("example %s: its sequence on the engine, model in %s".formatted(example, exampleFolder));
    assertThat(models).isNotEmpty();
    Map<Path, DifferentialModel> projects = new LinkedHashMap<>();
    for (DifferentialModel model : models) {
      Path out = temp.resolve("project-" + model.folder().getFileName());
      StringWriter output = new StringWriter();
      int exit =
          Main.run(
              new String[] {"generate", model.folder().toString(), "-o", out.toString(), "-q"},
              new PrintWriter(output),
              new PrintWriter(output));
      assertWithMessage("seed %s: generate\n%s\n%s", model.seed(), output, model.replay())
          .that(exit)
          .isEqualTo(0);
      projects.put(out, model);
    }
    step("generated %d projects".formatted(projects.size()));

    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Path classpath = CompiledProjects.testClasspath(projects.keySet(), jdk, temp);
    step("resolved the generated projects' test classpath");
    // moto_server for the last project's scenarios: required under CI, like the other
    // integration tests; elsewhere the in-memory comparison runs without it.
    boolean moto = CompiledProjects.motoOnPath();
    assertWithMessage("moto_server is required under CI=true")
        .that(moto || !"true".equals(System.getenv("CI")))
        .isTrue();
    Path motoProject = moto ? List.copyOf(projects.keySet()).get(projects.size() - 1) : null;
    List<ScenarioResult> results = runScenarios(jdk, classpath, projects.keySet(), motoProject);

    for (Map.Entry<Path, DifferentialModel> project : projects.entrySet()) {
      DifferentialModel model = project.getValue();
      List<ScenarioResult> own =
          results.stream().filter(r -> r.project().equals(project.getKey())).toList();
      List<String> expected =
          new ArrayList<>(List.of("ScenariosTest " + DifferentialModel.SCENARIO));
      if (project.getKey().equals(motoProject)) {
        expected.add("ScenariosOnMotoTest " + DifferentialModel.SCENARIO);
      }
      for (String name : expected) {
        assertWithMessage("seed %s: %s did not run: %s", model.seed(), name, own)
            .that(own.stream().map(r -> r.testClass() + " " + r.name()).toList())
            .contains(name);
      }
      // Every scenario but the mutations passes: the sequence, and the random model's own.
      for (ScenarioResult result : own) {
        if (!model.mutations().containsKey(result.name())) {
          assertWithMessage(
                  "seed %s: the generated code disagrees with the engine (%s %s):\n%s\n%s",
                  model.seed(),
                  result.testClass(),
                  result.name(),
                  result.message().replace("\\n", "\n"),
                  model.replay())
              .that(result.status())
              .isEqualTo("SUCCESSFUL");
        }
      }
      for (String mutation : model.mutations().keySet()) {
        ScenarioResult result =
            own.stream()
                .filter(r -> r.testClass().equals("ScenariosTest") && r.name().equals(mutation))
                .findFirst()
                .orElseThrow();
        assertWithMessage(
                "seed %s: the generated ScenariosTest passed the scenario %s, whose one changed"
                    + " expectation it must notice\n%s",
                model.seed(), mutation, model.replay())
            .that(result.status())
            .isEqualTo("FAILED");
        step(
            "seed %d: %s fails as it must: %s"
                .formatted(model.seed(), mutation, abbreviated(result.message())));
      }
    }
    step("done");
  }

  /** A scenario's run in a generated project: JUnit's status and the failure's message. */
  record ScenarioResult(
      Path project, String testClass, String name, String status, String message) {}

  private List<ScenarioResult> runScenarios(
      Path jdk, Path classpath, Iterable<Path> projects, Path motoProject) throws Exception {
    List<String> command = CompiledProjects.workerCommand(jdk, classpath, ScenarioWorker.class);
    for (Path project : projects) {
      command.add(project.toString());
      command.add(project.equals(motoProject) ? "moto" : "memory");
    }
    step(
        "compiling the projects and running their scenarios (JDK %s)".formatted(jdk.getFileName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<ScenarioResult> results = new ArrayList<>();
    StringBuilder output = new StringBuilder();
    try (var lines = process.inputReader(UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        output.append(line).append('\n');
        if (line.startsWith("scenario\t")) {
          String[] parts = line.split("\t", 6);
          results.add(
              new ScenarioResult(
                  Path.of(parts[1]),
                  parts[2],
                  parts[3],
                  parts[4],
                  parts.length > 5 ? parts[5] : ""));
          step(
              "%s %s %s: %s"
                  .formatted(Path.of(parts[1]).getFileName(), parts[2], parts[3], parts[4]));
        } else if (line.startsWith("compiled ") || line.startsWith("failed ")) {
          step(line);
        }
      }
    }
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertWithMessage(output.toString()).that(process.exitValue()).isEqualTo(0);
    assertWithMessage("a generated project does not compile:\n%s", output)
        .that(output.toString())
        .doesNotContainMatch("(?m)^failed ");
    return results;
  }

  private static String abbreviated(String message) {
    return message.length() > 160 ? message.substring(0, 160) + "…" : message;
  }

  /** A line of progress with the time since the test started: it runs for minutes. */
  private void step(String what) {
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    System.out.printf("[DifferentialTest %d:%02d] %s%n", seconds / 60, seconds % 60, what);
    System.out.flush();
  }
}
