package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md lists every tool the tests run and CI runs the README's command: a test that starts
 * needing a new tool cannot leave a developer to find out from a skipped or failed run.
 */
class PrerequisitesDocTest {

  private static final String COMMAND = "./mvnw -B -ntp verify";

  /** {@code requireOrSkip("cfn-lint", …)} and {@code new ProcessBuilder("node", …)}. */
  private static final Pattern TOOL =
      Pattern.compile("(?:requireOrSkip|new ProcessBuilder)\\(\\s*\"([a-z_-]+)\"");

  private static String read(String path) throws IOException {
    return Files.readString(TestPaths.root().resolve(path), StandardCharsets.UTF_8);
  }

  static Set<String> toolsTheTestsRun() throws IOException {
    Set<String> tools = new TreeSet<>();
    try (Stream<Path> files = Files.walk(TestPaths.root().resolve("generator/src/test/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = TOOL.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          tools.add(m.group(1));
        }
      }
    }
    tools.remove("sh"); // POSIX, on every machine that runs ./mvnw
    return tools;
  }

  @Test
  void theReadmeListsEveryToolTheTestsRunAndCiProbesThem() throws IOException {
    String readme = read("README.md");
    String ci = read(".ci/run");
    Set<String> tools = toolsTheTestsRun();

    assertThat(tools).containsAtLeast("cfn-lint", "moto_server", "node");
    for (String tool : tools) {
      assertWithMessage("README.md lists `%s`, which a test runs", tool)
          .that(readme)
          .contains("`" + tool + "`");
      assertWithMessage(".ci/run probes %s", tool).that(ci).contains(tool + " ");
    }
  }

  @Test
  void ciRunsTheReadmesCommand() throws IOException {
    assertThat(read("README.md")).contains(COMMAND);
    assertThat(read(".ci/run").strip()).endsWith(COMMAND);
  }
}
