package dev.tracepaper.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import dev.tracepaper.diff.Baseline;
import dev.tracepaper.tools.GenerateCli;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import dev.tracepaper.tools.SharedMoto;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's everyday loop in production, end to end (docs/evolution.md): version 1 of a model is
 * generated and its code stores events in moto_server's tables; the model changes (a field renamed
 * and one retyped, with their upcast; an event retired; an apply rule changed; a new view), is
 * regenerated over the same project, and the new code runs against the same tables. The code of
 * each version is a hand-written test (e2e/evolution/code) that the harness puts into the project,
 * as an engineer would.
 */
class ModelEvolutionTest {

  private static final Path EVOLUTION =
      TestPaths.root().resolve("generator/src/test/resources/e2e/evolution");
  private static final Path TESTS = Path.of("src/test/java/com/example/parcels");

  @TempDir Path temp;

  /**
   * What a pull request's CI is told about the change (e2e/evolution/diff.errors, reviewed): the
   * stored data is safe (the upcast, the retired event and the new rules are notes), the API
   * changes are breaking for clients, and the changed view needs a rebuild.
   */
  @Test
  void tracepaperDiffReportsExactlyTheExpectedFindings() throws Exception {
    Validator.Outcome current = new Validator().run(List.of(EVOLUTION.resolve("v2")), EVOLUTION);
    assertWithMessage("%s", current.report().diagnostics())
        .that(current.report().hasErrors())
        .isFalse();
    Baseline baseline = Baseline.load(EVOLUTION.resolve("v1").toString(), List.of(), EVOLUTION);
    ValidationReport report = baseline.compare(current.index().orElseThrow());

    assertThat(new ErrorsFormatter().format(report))
        .isEqualTo(Files.readString(EVOLUTION.resolve("diff.errors"), UTF_8));
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {
              "diff", EVOLUTION.resolve("v1").toString(), EVOLUTION.resolve("v2").toString()
            },
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage("tracepaper diff v1 v2: %s", output).that(exit).isEqualTo(1);
  }

  @Test
  void theNewCodeReadsWhatTheOldCodeStored() throws Exception {
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    Path project = temp.resolve("parcels");
    try (SharedMoto moto = SharedMoto.start(temp.resolve("moto.log"))) {
      GenerateCli.generate(EVOLUTION.resolve("v1"), project);
      runHandWritten(project, "EvolutionV1Test", jdk, moto);

      Files.delete(project.resolve(TESTS).resolve("EvolutionV1Test.java"));
      GenerateCli.generate(EVOLUTION.resolve("v2"), project);
      runHandWritten(project, "EvolutionV2Test", jdk, moto);
    }
  }

  private static void runHandWritten(Path project, String test, Path jdk, SharedMoto moto)
      throws Exception {
    Files.copy(
        EVOLUTION.resolve("code").resolve(test + ".java"),
        project.resolve(TESTS).resolve(test + ".java"));
    MavenBuild.Result build =
        MavenBuild.run(
            project,
            jdk,
            "test",
            "-Dtest=" + test,
            "-Dsurefire.failIfNoSpecifiedTests=false",
            moto.mavenProperty());
    assertWithMessage("%s in the generated project:\n%s", test, build.tail())
        .that(build.exitCode())
        .isEqualTo(0);
  }
}
