package dev.tracepaper.maven;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.task.ModelTesting;
import dev.tracepaper.task.TestReportFormat;
import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.testing.TestResult;
import dev.tracepaper.testing.TextReport;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the model's own given/when/then tests, scenarios and view tests on the model itself, as
 * {@code tracepaper test}: no build of a generated project, no AWS. An invalid model runs no test
 * and fails the build; so does a failed test, logged at each place the model wrote what differs.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public final class TestMojo extends TracepaperMojo {

  /**
   * The format of the report file: {@code text}, {@code json} or {@code junit}. The log always
   * shows the tests; {@code junit} writes {@code target/surefire-reports/TEST-tracepaper.xml}
   * unless {@code outputFile} says otherwise, where CI's test reports find Maven's other tests.
   */
  @Parameter(property = "tracepaper.test.format", defaultValue = "text")
  TestReportFormat format;

  /** Where to write the report in {@code format}. */
  @Parameter(property = "tracepaper.test.outputFile")
  File outputFile;

  /** Skips the model's tests, as it skips every other test of the build. */
  @Parameter(property = "skipTests", defaultValue = "false")
  boolean skipTests;

  /** Skips the model's tests, as it skips every other test of the build. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean mavenTestSkip;

  @Override
  void run(BuildLog log) throws MojoFailureException, IOException {
    if (skipTests || mavenTestSkip) {
      log.info("Tests are skipped.");
      return;
    }
    ModelTesting.Result result = ModelTesting.run(models(), base());
    if (result.run().isEmpty()) {
      log.diagnostics(result.validation());
      throw new MojoFailureException(
          TextFormatter.summaryLine(result.validation(), Severity.ERROR) + " No test was run.");
    }
    ModelTests.Run run = result.run().get();
    for (TestResult test : run.results()) {
      log(log, test);
    }
    if (!quiet) {
      run.scenarioCoverage().ifPresent(log::info);
    }
    Optional<Path> file = reportFile();
    if (file.isPresent()) {
      log.report(file.get(), format.format(run, quiet));
    }
    String summary = TextReport.summary(run);
    if (!result.passed()) {
      throw new MojoFailureException(summary);
    }
    if (!quiet) {
      log.info(summary);
    }
  }

  private Optional<Path> reportFile() {
    if (outputFile == null && format == TestReportFormat.junit) {
      return Optional.of(
          buildDirectory.toPath().resolve("surefire-reports").resolve("TEST-tracepaper.xml"));
    }
    return ReportFiles.of(format.name(), outputFile, buildDirectory, "test");
  }

  /** A test at its place; a failure as an error with each difference at its own place under it. */
  private void log(BuildLog log, TestResult test) {
    String what = test.element() + ", test \"" + test.name() + "\"";
    switch (test.status()) {
      case PASSED -> {
        if (!quiet) {
          log.info(log.located(test.location(), "PASS " + what));
        }
      }
      case NOT_RUN -> {
        if (!quiet) {
          String why = test.mismatches().isEmpty() ? "" : ": " + test.mismatches().get(0).subject();
          log.info(log.located(test.location(), "NOT RUN " + what + why));
        }
      }
      case FAILED -> {
        log.maven().error(log.located(test.location(), "FAIL " + what));
        for (TestResult.Mismatch m : test.mismatches()) {
          log.maven()
              .error(
                  log.located(m.location(), m.subject())
                      + "\n  expected: "
                      + m.expected()
                      + "\n  actual:   "
                      + m.actual());
        }
      }
    }
  }
}
