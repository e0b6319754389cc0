package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tracepaper init}: a new model that validates cleanly and generates. */
class InitCommandTest {

  @TempDir Path temp;

  @Test
  void theStarterModelValidatesWithoutAnyDiagnosticAndGenerates() {
    Path folder = temp.resolve("notes");

    CliTest.Run init = CliTest.run("init", folder.toString());
    CliTest.Run validate = CliTest.run("validate", "--fail-on", "warning", folder.toString());
    CliTest.Run generate =
        CliTest.run("generate", folder.toString(), "-o", temp.resolve("out").toString());

    assertThat(init.exitCode()).isEqualTo(0);
    assertThat(init.out()).contains("model.yaml");
    assertThat(validate.out()).contains("0 errors, 0 warnings, 0 notes");
    assertThat(validate.exitCode()).isEqualTo(0);
    assertThat(generate.exitCode()).isEqualTo(0);
  }

  @Test
  void neverOverwritesAModel() throws IOException {
    Path model = temp.resolve("model.yaml");
    Files.writeString(model, "mine");

    CliTest.Run init = CliTest.run("init", temp.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(model)).isEqualTo("mine");
  }
}
