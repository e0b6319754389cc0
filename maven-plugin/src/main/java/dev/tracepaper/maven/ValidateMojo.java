package dev.tracepaper.maven;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.task.ModelCheck;
import dev.tracepaper.task.ReportFormat;
import dev.tracepaper.validate.ValidationReport;
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
 * Checks the model and reports every problem in it, as {@code tracepaper validate}: each at its
 * {@code file:[line,column]}, and the build fails when one is at or above {@code failOn}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends TracepaperMojo {

  /** Which severity fails the build. */
  public enum FailOn {
    error,
    warning
  }

  /** The least severity that fails the build: {@code error} or {@code warning}. */
  @Parameter(property = "tracepaper.validate.failOn", defaultValue = "error")
  FailOn failOn;

  /**
   * Also compare the model with this baseline, as the {@code diff} goal does: {@code git:REF} or a
   * model path (from the project's folder). Its findings count toward {@code failOn}.
   */
  @Parameter(property = "tracepaper.baseline")
  String baseline;

  /**
   * The format of the report file: {@code text}, {@code json} or {@code sarif}. The log always
   * shows the diagnostics; a format other than {@code text} writes the report to {@code
   * outputFile}.
   */
  @Parameter(property = "tracepaper.validate.format", defaultValue = "text")
  ReportFormat format;

  /**
   * Where to write the report in {@code format}; for json and sarif it defaults to {@code
   * target/tracepaper/validate.json} or {@code .sarif}.
   */
  @Parameter(property = "tracepaper.validate.outputFile")
  File outputFile;

  @Override
  void run(BuildLog log) throws MojoFailureException, IOException {
    Severity threshold = failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR;
    ModelCheck.Result result;
    try {
      result =
          ModelCheck.run(
              models(), base(), threshold, baseline == null ? null : baselineSpec(baseline));
    } catch (BaselineUnavailable e) {
      throw new MojoFailureException("The baseline cannot be read: " + e.getMessage());
    }
    ValidationReport shown = quiet ? result.failing() : result.report();
    log.diagnostics(shown);
    Optional<Path> file = ReportFiles.of(format.name(), outputFile, buildDirectory, "validate");
    if (file.isPresent()) {
      log.report(file.get(), format.formatter(threshold, !quiet).format(shown));
    }
    String summary = TextFormatter.summaryLine(result.report(), threshold);
    if (!result.valid()) {
      throw new MojoFailureException(summary);
    }
    if (!quiet) {
      log.info(summary);
    }
  }
}
