package dev.tracepaper.dist;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The start-up settings live in one script, the distribution's {@code bin/tracepaper}: the
 * repository's {@code ./tracepaper} runs it rather than a copy, Windows' {@code tracepaper.cmd} and
 * the benchmarks name the same JVM options. A change to one that is not made to the others fails
 * here.
 */
class LaunchersTest {

  private static final Path DIST_BIN = TestPaths.root().resolve("generator/src/dist/bin");

  private static List<String> jvmOptions() throws IOException {
    Matcher options =
        Pattern.compile("(?m)^jvm_opts=\\(([^)]*)\\)$")
            .matcher(Files.readString(DIST_BIN.resolve("tracepaper")));
    assertThat(options.find()).isTrue();
    return Arrays.asList(options.group(1).trim().split("\\s+"));
  }

  @Test
  void theRepositoryLauncherRunsTheDistributionsLauncherAndHasNoSettingsOfItsOwn()
      throws IOException {
    String repository = Files.readString(TestPaths.root().resolve("tracepaper"));

    assertThat(repository).contains(". \"$root/generator/src/dist/bin/tracepaper\"\n");
    assertThat(repository).doesNotContain("-XX:");
    assertThat(repository).doesNotContain("exec ");
    assertThat(jvmOptions()).containsAtLeast("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC");
  }

  @Test
  void theWindowsLauncherStartsTheJvmWithTheSameOptions() throws IOException {
    String cmd = Files.readString(DIST_BIN.resolve("tracepaper.cmd"));
    Matcher java = Pattern.compile("(?m)^\"%JAVA_EXE%\" (.*)$").matcher(cmd);
    assertThat(java.find()).isTrue();

    List<String> options = Arrays.asList(java.group(1).trim().split("\\s+"));

    assertThat(options.subList(0, jvmOptions().size()))
        .containsExactlyElementsIn(jvmOptions())
        .inOrder();
    assertThat(java.group(1)).contains("%TRACEPAPER_JAVA_OPTS% -jar ");
  }

  @Test
  void theBenchmarksStartTheirJvmsAsTheLauncherDoes() throws IOException {
    Matcher bench =
        Pattern.compile("LAUNCHER_JVM_OPTS = \\[([^]]*)]")
            .matcher(Files.readString(TestPaths.root().resolve("bench/benchlib.py")));
    assertThat(bench.find()).isTrue();

    List<String> options =
        Arrays.stream(bench.group(1).split(",")).map(s -> s.trim().replace("\"", "")).toList();

    assertThat(jvmOptions().subList(0, options.size()))
        .containsExactlyElementsIn(options)
        .inOrder();
  }
}
