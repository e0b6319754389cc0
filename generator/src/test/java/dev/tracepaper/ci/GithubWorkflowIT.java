package dev.tracepaper.ci;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.TestPaths;
import dev.tracepaper.tools.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shell steps of the workflow {@code init --ci github} writes, run as a GitHub runner runs them
 * ({@code bash -eo pipefail}, the workflow's and the step's environment, {@code GITHUB_PATH} and
 * {@code GITHUB_OUTPUT}) in a clone of a model repository, installing the distribution archive
 * {@code package} made from a {@code file:} URL. The steps that use actions (checkout, setup-java,
 * the SARIF upload) are GitHub's and are not run: the clone and JAVA_HOME stand in for the first
 * two. Runs in {@code verify} (Failsafe), after {@code package}.
 */
class GithubWorkflowIT {

  private static final Path CHANGES = TestPaths.root().resolve("generator/src/test/resources/diff");

  @TempDir static Path temp;

  private static Path archive;
  private static String sha256;
  private static Map<String, Object> workflow;

  @BeforeAll
  static void readTheWorkflow() throws Exception {
    // What the workflow's shell steps run besides tracepaper, as on a GitHub runner.
    ExternalTool.requireOrSkip("curl", "downloading the distribution in the workflow's steps");
    ExternalTool.requireOrSkip("git", "the workflow's breaking-changes step");
    ExternalTool.requireOrSkip("tar", "unpacking the distribution in the workflow's steps");
    archive = Path.of(System.getProperty("tracepaper.distribution"));
    sha256 =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    workflow =
        parse(GithubWorkflow.render(Path.of("model"), GeneratorVersion.read().orElseThrow()));
  }

  @Test
  void validateReportsAValidModelAndFailsAnInvalidOneAfterWritingItsReport() throws Exception {
    Path valid = repository("valid", "event-field-type-changed", "old");
    Runner job = new Runner(valid, "validate", Map.of());
    job.succeeds("Install tracepaper");

    job.succeeds("Validate the model");
    assertThat(job.outputs).containsEntry("exit-code", "0");
    String sarif = Files.readString(job.runnerTemp.resolve("tracepaper.sarif"));
    assertThat(JsonMapper.builder().build().readTree(sarif).get("version").asString())
        .isEqualTo("2.1.0");

    Path invalid = repository("invalid", "event-field-type-changed", "old");
    Files.writeString(invalid.resolve("model/shop.yaml"), "\nfeilds: 1\n", UTF_8, append());
    Runner broken = new Runner(invalid, "validate", Map.of());
    broken.succeeds("Install tracepaper");
    broken.succeeds("Validate the model");
    assertThat(broken.outputs).containsEntry("exit-code", "1");
    assertThat(Files.readString(broken.runnerTemp.resolve("tracepaper.sarif")))
        .contains("\"ruleId\" : \"UnknownKey\"");
    Result verdict = broken.run("Fail on the model's errors");
    assertWithMessage(verdict.output).that(verdict.code).isEqualTo(1);
    assertThat(verdict.output).contains("model/shop.yaml:");
    assertThat(verdict.output).contains("error[UnknownKey]");
  }

  @Test
  void breakingChangesFailAgainstTheBaseBranchAndAFirstModelPasses() throws Exception {
    Path clone = repository("diff", "event-field-type-changed", "old");
    git(clone, "checkout", "-q", "-b", "change");
    Files.copy(
        CHANGES.resolve("event-field-type-changed/new.yaml"),
        clone.resolve("model/shop.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    git(clone, "commit", "-qam", "total is a Float");
    Runner job = new Runner(clone, "diff", Map.of());
    job.succeeds("Install tracepaper");

    Result breaking = job.run("Compare the model with the base branch");

    assertWithMessage(breaking.output).that(breaking.code).isEqualTo(1);
    assertThat(breaking.output)
        .contains("error[EventFieldsChanged]: Order.OrderPlaced.total: Int → Float");

    Path first = repository("first", null, null);
    Runner firstJob = new Runner(first, "diff", Map.of());
    firstJob.succeeds("Install tracepaper");
    git(first, "checkout", "-q", "-b", "model");
    Files.createDirectories(first.resolve("model"));
    Files.copy(
        CHANGES.resolve("event-field-type-changed/old.yaml"), first.resolve("model/shop.yaml"));
    git(first, "add", ".");
    git(first, "commit", "-qm", "the model");
    Result nothing = firstJob.succeeds("Compare the model with the base branch");
    assertThat(nothing.output).contains("::notice::origin/main has no model in model");
  }

  @Test
  void aCloneWithoutTheBaseBranchFailsInsteadOfComparingNothing() throws Exception {
    Path clone = repository("shallow", "event-field-type-changed", "old");
    git(clone, "update-ref", "-d", "refs/remotes/origin/main");
    Runner job = new Runner(clone, "diff", Map.of());
    job.succeeds("Install tracepaper");

    Result missing = job.run("Compare the model with the base branch");

    assertWithMessage(missing.output).that(missing.code).isEqualTo(2);
    assertThat(missing.output).contains("::error::origin/main is not in the clone");
  }

  @Test
  void testsAndGeneratesTheModel() throws Exception {
    Path clone = repository("tests", "event-field-type-changed", "old");
    Files.copy(
        TestPaths.examples().resolve("library/catalog.yaml"),
        clone.resolve("model/shop.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (String file : List.of("app.yaml", "membership.yaml", "views.yaml")) {
      Files.copy(
          TestPaths.examples().resolve("library").resolve(file), clone.resolve("model/" + file));
    }
    Runner tests = new Runner(clone, "test", Map.of());
    tests.succeeds("Install tracepaper");
    assertThat(tests.succeeds("Run the model's tests").output).contains(" 0 failed");

    Runner build = new Runner(clone, "build", Map.of());
    build.succeeds("Install tracepaper");
    build.succeeds("Generate the project");
    assertThat(Files.isRegularFile(build.runnerTemp.resolve("project/pom.xml"))).isTrue();
    assertThat(Files.isExecutable(build.runnerTemp.resolve("project/mvnw"))).isTrue();
  }

  @Test
  void theInstallRefusesAnArchiveWithAnotherChecksumAndAMissingUrl() throws Exception {
    Path clone = repository("install", null, null);
    Result wrongSum =
        new Runner(clone, "test", Map.of("TRACEPAPER_DIST_SHA256", "0".repeat(64)))
            .run("Install tracepaper");
    Result noUrl =
        new Runner(clone, "test", Map.of("TRACEPAPER_DIST_URL", "")).run("Install tracepaper");

    assertWithMessage(wrongSum.output).that(wrongSum.code).isNotEqualTo(0);
    assertThat(wrongSum.output).contains("FAILED");
    assertWithMessage(noUrl.output).that(noUrl.code).isEqualTo(1);
    assertThat(noUrl.output).contains("::error::Set the repository variable TRACEPAPER_DIST_URL");
  }

  /**
   * A clone of a new repository whose main holds {@code model/shop.yaml} (the {@code side} of a
   * change of src/test/resources/diff), or only a README when {@code change} is null.
   */
  private static Path repository(String name, String change, String side) throws Exception {
    Path origin = Files.createDirectories(temp.resolve(name + "-origin"));
    git(origin, "init", "-q", "-b", "main");
    Files.writeString(origin.resolve("README.md"), "a model\n");
    if (change != null) {
      Files.createDirectories(origin.resolve("model"));
      Files.copy(
          CHANGES.resolve(change).resolve(side + ".yaml"), origin.resolve("model/shop.yaml"));
    }
    git(origin, "add", ".");
    git(origin, "commit", "-qm", "start");
    Path clone = temp.resolve(name);
    git(temp, "clone", "-q", origin.toString(), clone.toString());
    return clone;
  }

  private static java.nio.file.OpenOption append() {
    return java.nio.file.StandardOpenOption.APPEND;
  }

  private static void git(Path folder, String... args) throws Exception {
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=CI",
                "-c",
                "user.email=ci@example.com",
                "-c",
                "commit.gpgsign=false"));
    line.addAll(List.of(args));
    Result git = execute(folder, Map.of(), line);
    assertWithMessage(git.output).that(git.code).isEqualTo(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String yaml) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private record Result(int code, String output) {}

  /** One job of the workflow on a runner of its own: its temp folder, PATH and step outputs. */
  private static final class Runner {
    final Path workspace;
    final Map<String, Object> job;
    final Path runnerTemp;
    final Map<String, String> env = new HashMap<>();
    final Map<String, String> outputs = new HashMap<>();
    String path = System.getenv("PATH");

    Runner(Path workspace, String job, Map<String, String> overrides) throws IOException {
      this.workspace = workspace;
      this.job = map(map(workflow.get("jobs")).get(job));
      this.runnerTemp = Files.createTempDirectory(temp, "runner-" + job);
      for (Map.Entry<String, Object> e : map(workflow.get("env")).entrySet()) {
        env.put(e.getKey(), String.valueOf(e.getValue()));
      }
      // What the repository variables would hold.
      env.put("TRACEPAPER_DIST_URL", archive.toUri().toString());
      env.put("TRACEPAPER_DIST_SHA256", sha256);
      env.put("JAVA_HOME", System.getProperty("java.home"));
      env.put("RUNNER_TEMP", runnerTemp.toString());
      env.put("XDG_CACHE_HOME", temp.resolve("cache").toString());
      env.put("CI", "true");
      env.putAll(overrides);
    }

    /** A step's env value: the expressions it may hold, as GitHub fills them in a pull request. */
    private static String evaluate(String value) {
      Map<String, String> contexts = Map.of("${{ github.base_ref }}", "main");
      if (value.contains("${{")) {
        assertWithMessage("a known expression").that(contexts).containsKey(value);
        return contexts.get(value);
      }
      return value;
    }

    Result succeeds(String step) throws Exception {
      Result result = run(step);
      assertWithMessage(step + ":\n" + result.output).that(result.code).isEqualTo(0);
      return result;
    }

    @SuppressWarnings("unchecked")
    Result run(String name) throws Exception {
      Map<String, Object> step =
          ((List<Map<String, Object>>) job.get("steps"))
              .stream()
                  .filter(s -> name.equals(s.get("name")))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no step " + name));
      Path script = Files.createTempFile(runnerTemp, "step", ".sh");
      Files.writeString(script, String.valueOf(step.get("run")));
      Path githubPath = Files.createTempFile(runnerTemp, "path", "");
      Path githubOutput = Files.createTempFile(runnerTemp, "output", "");
      Map<String, String> stepEnv = new HashMap<>(env);
      if (step.get("env") != null) {
        map(step.get("env")).forEach((k, v) -> stepEnv.put(k, evaluate(String.valueOf(v))));
      }
      stepEnv.put("GITHUB_PATH", githubPath.toString());
      stepEnv.put("GITHUB_OUTPUT", githubOutput.toString());
      stepEnv.put("PATH", path);
      Result result =
          execute(
              workspace,
              stepEnv,
              List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
      for (String added : Files.readAllLines(githubPath)) {
        path = added + ":" + path;
      }
      for (String output : Files.readAllLines(githubOutput)) {
        int equals = output.indexOf('=');
        outputs.put(output.substring(0, equals), output.substring(equals + 1));
      }
      return result;
    }
  }

  private static Result execute(Path folder, Map<String, String> env, List<String> line)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile());
    builder.environment().remove("TRACEPAPER_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", line) + " did not finish in three minutes");
    }
    return new Result(process.exitValue(), output);
  }
}
