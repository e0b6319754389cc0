package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracepaper run}: what stops it before it serves, and with which exit code. */
class RunCommandTest {

  @TempDir Path data;

  private static String example(String name) {
    return TestPaths.examples().resolve(name).toString();
  }

  @Test
  void aPortInUseIsAUsageError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      CliTest.Run run =
          CliTest.run(
              "run", "--port", String.valueOf(port), "--data", data.toString(), example("library"));

      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("port " + port + " is in use; choose another with --port.");
    }
  }

  @Test
  void anInvalidModelIsReportedAndNothingRuns() {
    CliTest.Run run =
        CliTest.run(
            "run",
            "--port",
            "0",
            "--data",
            data.toString(),
            example("invalid") + "/missing-key.yaml");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("missing-key.yaml:");
    assertThat(run.out()).contains("Nothing runs: fix the errors above first.");
    assertThat(Files.exists(data.resolve("events.jsonl"))).isFalse();
  }

  @Test
  void aMissingModelIsAUsageError() {
    CliTest.Run run = CliTest.run("run", data.resolve("nowhere.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("nowhere.yaml does not exist.");
  }
}
