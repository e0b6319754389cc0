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
  void asksNothing() {
    java.io.InputStream keyboard = System.in;
    // A read of standard input fails the run: init must finish without a question.
    System.setIn(
        new java.io.InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("init read standard input");
          }
        });
    try {
      CliTest.Run init = CliTest.run("init", temp.resolve("quiet").toString());

      assertThat(init.exitCode()).isEqualTo(0);
      assertThat(init.err()).isEmpty();
      assertThat(Files.exists(temp.resolve("quiet/model.yaml"))).isTrue();
    } finally {
      System.setIn(keyboard);
    }
  }

  @Test
  void neverOverwritesAModel() throws IOException {
    Path model = temp.resolve("model.yaml");
    Files.writeString(model, "mine");

    CliTest.Run init = CliTest.run("init", temp.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(model)).isEqualTo("mine");
  }

  @Test
  void aFileGivenAsTheFolderIsAUsageErrorNamingIt() throws IOException {
    Path file = temp.resolve("notes.yaml");
    Files.writeString(file, "mine");

    CliTest.Run init = CliTest.run("init", file.toString());
    CliTest.Run below = CliTest.run("init", file.resolve("deeper").toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err()).contains(file + " is a file, not a folder");
    assertThat(init.err()).doesNotContain("internal error");
    assertThat(below.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(below.err()).contains(file + " is a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("mine");
  }

  @Test
  void acceptsTheOptionItsErrorsRecommend() throws IOException {
    Path file = temp.resolve("notes.yaml");
    Files.writeString(file, "mine");

    CliTest.Run init = CliTest.run("init", "-x", file.toString());

    assertThat(init.err()).doesNotContain("Unknown option");
    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void theModelItWritesPassesItsTestsAndMakesASite() {
    Path folder = temp.resolve("notes");
    assertThat(CliTest.run("init", folder.toString()).exitCode()).isEqualTo(ExitCode.OK);

    CliTest.Run test = CliTest.run("test", folder.toString());
    CliTest.Run docs =
        CliTest.run("docs", "-o", temp.resolve("site").toString(), folder.toString());

    assertThat(test.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(test.out()).contains("3 tests: 3 passed, 0 failed");
    assertThat(docs.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.exists(temp.resolve("site/index.html"))).isTrue();
  }

  @Test
  void printsTheNextCommandsTheWayTracepaperWasRun() {
    String before = System.getProperty(Invocation.PROPERTY);
    System.setProperty(Invocation.PROPERTY, "./tracepaper");
    try {
      Path folder = temp.resolve("my notes");

      CliTest.Run init = CliTest.run("init", folder.toString());

      assertThat(init.out())
          .contains(
              ("Next: ./tracepaper test '%s' (validates it and runs its tests), ./tracepaper run"
                      + " '%s' (try it in the browser), then ./tracepaper generate '%s'")
                  .formatted(folder, folder, folder));
      assertThat(CliTest.run("init", folder.toString()).err())
          .contains("Run `./tracepaper init --help` for usage.");
    } finally {
      if (before == null) {
        System.clearProperty(Invocation.PROPERTY);
      } else {
        System.setProperty(Invocation.PROPERTY, before);
      }
    }
  }

  @Test
  void
      withCiGithubInAnEmptyFolderWritesTheModelAndTheWorkflowAndTheModelStaysValidBesideItsProject()
          throws IOException {
    Path folder = temp.resolve("notes");

    CliTest.Run init = CliTest.run("init", "--ci", "github", folder.toString());
    // Generated where `generate` run in the model's folder puts it: beside the model.
    CliTest.Run generate =
        CliTest.run(
            "generate", folder.toString(), "-o", folder.resolve("generated/notes").toString());
    CliTest.Run validate = CliTest.run("validate", "--fail-on", "warning", folder.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.OK);
    Path workflow = folder.resolve(".github/workflows/tracepaper.yml");
    assertThat(init.out()).contains("Wrote " + folder.resolve("model.yaml") + " and ");
    assertThat(init.out()).contains("TRACEPAPER_DIST_URL");
    assertThat(Files.readString(workflow)).contains("  MODEL: .\n");
    assertThat(generate.exitCode()).isEqualTo(ExitCode.OK);
    // The workflow and the generated project are YAML beside the model, but not part of it.
    assertThat(validate.out()).contains("0 errors, 0 warnings, 0 notes in 1 file.");
    assertThat(validate.exitCode()).isEqualTo(ExitCode.OK);
  }

  @Test
  void withCiGithubBesideAModelWritesOnlyTheWorkflowAtTheRootOfTheRepository() throws IOException {
    Path repository = temp.resolve("repo");
    Files.createDirectories(repository.resolve(".git"));
    Path model = Files.createDirectories(repository.resolve("service/model"));
    Files.writeString(model.resolve("shop.yaml"), "mine");

    CliTest.Run init = CliTest.run("init", "--ci", "github", model.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.OK);
    try (var files = Files.list(model)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("shop.yaml");
    }
    assertThat(Files.readString(model.resolve("shop.yaml"))).isEqualTo("mine");
    assertThat(Files.readString(repository.resolve(".github/workflows/tracepaper.yml")))
        .contains("  MODEL: service/model\n");
    assertThat(init.out()).contains("for the model in " + model + " (it was kept as it is)");
  }

  @Test
  void withCiGithubNeverOverwritesAWorkflowAndWritesNothing() throws IOException {
    Path workflow = temp.resolve(".github/workflows/tracepaper.yml");
    Files.createDirectories(workflow.getParent());
    Files.writeString(workflow, "mine");

    CliTest.Run init = CliTest.run("init", "--ci", "github", temp.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err()).contains("tracepaper.yml exists already; nothing was written.");
    assertThat(Files.readString(workflow)).isEqualTo("mine");
    assertThat(Files.exists(temp.resolve("model.yaml"))).isFalse();
  }

  @Test
  void anUnknownCiSystemIsAUsageError() {
    CliTest.Run init = CliTest.run("init", "--ci", "jenkins", temp.toString());

    assertThat(init.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err()).contains("expected one of [github]");
    assertThat(Files.exists(temp.resolve("model.yaml"))).isFalse();
  }
}
