package dev.tracepaper.tools;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool a test runs (cfn-lint, node). A missing tool skips the test with a message,
 * except under {@code CI=true}, where it fails: CI must not pass by skipping.
 */
public record ExternalTool(String command) {

  /** What a run printed (stdout and stderr together) and how it ended. */
  public record Result(int exitCode, String output) {}

  /** The tool if {@code command --version} runs; otherwise skips (or fails under CI). */
  public static ExternalTool requireOrSkip(String command, String purpose) {
    return requireOrSkip(command, purpose, "--version");
  }

  /**
   * The tool if {@code command probe} runs (for tools without {@code --version}, such as
   * moto_server: {@code --help}); otherwise skips (or fails under CI).
   */
  public static ExternalTool requireOrSkip(String command, String purpose, String probeArgument) {
    try {
      Process probe = new ProcessBuilder(command, probeArgument).redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
      if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return new ExternalTool(command);
      }
    } catch (IOException e) {
      // not installed: handled below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String message = command + " is not on the PATH: " + purpose + " skipped";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(command + " is required under CI=true (" + purpose + ")");
    }
    assumeTrue(false, message);
    throw new IllegalStateException("unreachable");
  }

  /** Runs the tool with {@code arguments} in {@code folder}, for at most five minutes. */
  public Result run(Path folder, String... arguments) throws IOException, InterruptedException {
    List<String> line = new java.util.ArrayList<>();
    line.add(command);
    line.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(line).directory(folder.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in five minutes");
    }
    return new Result(process.exitValue(), output);
  }
}
