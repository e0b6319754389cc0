package dev.tracepaper.ci;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docs/ci.md says what the workflow {@code init --ci github} writes: the check names it tells
 * people to require are the workflow's job names, the pin it quotes is the workflow's, and its
 * GitLab example is valid YAML running the same commands.
 */
class CiDocTest {

  private static String doc() throws IOException {
    return Files.readString(TestPaths.root().resolve("docs/ci.md"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String yaml) {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theChecksToRequireAreTheWorkflowsJobNames() throws IOException {
    Map<String, Object> jobs =
        (Map<String, Object>) parse(GithubWorkflow.render(Path.of("."), "1")).get("jobs");
    String doc = doc();
    String required = doc.substring(doc.indexOf("### Requiring the checks"));

    for (Object job : jobs.values()) {
      String name = String.valueOf(((Map<String, Object>) job).get("name"));
      assertWithMessage("docs/ci.md tells to require `%s`", name)
          .that(required)
          .contains("`" + name + "`");
      assertThat(doc).contains("| `" + name + "` |");
    }
  }

  @Test
  void quotesTheWorkflowsPinOfCheckout() throws IOException {
    Matcher quoted =
        Pattern.compile("actions/checkout@([0-9a-f]{4})…\\s*# (v[\\d.]+)").matcher(doc());
    assertThat(quoted.find()).isTrue();

    assertThat(GithubWorkflow.render(Path.of("."), "1"))
        .contains("actions/checkout@" + quoted.group(1));
    assertThat(GithubWorkflow.render(Path.of("."), "1"))
        .containsMatch("actions/checkout@[0-9a-f]{40} # " + Pattern.quote(quoted.group(2)) + "\n");
  }

  @Test
  void theGitlabExampleIsYamlRunningTheSameJobs() throws IOException {
    Matcher block =
        Pattern.compile("```yaml\n# \\.gitlab-ci\\.yml\n(.*?)```", Pattern.DOTALL).matcher(doc());
    assertThat(block.find()).isTrue();

    Map<String, Object> pipeline = parse(block.group(1));

    assertThat(pipeline.keySet())
        .containsAtLeast("validate", "breaking changes", "model tests", "generated project");
    String text = block.group(1);
    for (String command :
        List.of(
            "tracepaper validate --format json \"$MODEL\"",
            "tracepaper diff --verbose \"git:origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\"",
            "tracepaper test --format junit -o tracepaper-tests.xml \"$MODEL\"",
            "tracepaper generate \"$MODEL\"",
            "./mvnw -B -ntp verify")) {
      assertThat(text).contains(command);
    }
  }
}
