package dev.tracepaper.maven;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.task.ModelComparison;
import dev.tracepaper.task.ReportFormat;
import dev.tracepaper.validate.ValidationReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the model with its baseline, as {@code tracepaper diff}: every change that breaks stored
 * events or API clients, needs an operation, or is worth a review (docs/diff-rules.md); the build
 * fails on a finding at or above {@code failOn}.
 */
@Mojo(name = "diff", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class DiffMojo extends TracepaperMojo {

  /** Which severity fails the build. */
  public enum FailOn {
    error,
    warning,
    note
  }

  /**
   * The baseline: {@code git:REF} for the model as it is at a git revision ({@code
   * git:origin/main}), or a model folder or file (from the project's folder).
   */
  @Parameter(property = "tracepaper.baseline", required = true)
  String baseline;

  /** The least severity that fails the build: {@code error}, {@code warning} or {@code note}. */
  @Parameter(property = "tracepaper.diff.failOn", defaultValue = "error")
  FailOn failOn;

  /** Also log the notes (the compatible changes). */
  @Parameter(property = "tracepaper.diff.verbose", defaultValue = "false")
  boolean verbose;

  /**
   * The format of the report file: {@code text}, {@code json} or {@code sarif} (json and sarif list
   * every finding, notes included).
   */
  @Parameter(property = "tracepaper.diff.format", defaultValue = "text")
  ReportFormat format;

  /**
   * Where to write the report in {@code format}; for json and sarif it defaults to {@code
   * target/tracepaper/diff.json} or {@code .sarif}.
   */
  @Parameter(property = "tracepaper.diff.outputFile")
  File outputFile;

  @Override
  void run(BuildLog log) throws MojoFailureException, IOException {
    Severity threshold = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
    ModelComparison.Result result;
    try {
      result =
          ModelComparison.run(baselineSpec(baseline), models(), base(), threshold).naming(baseline);
    } catch (BaselineUnavailable e) {
      throw new MojoFailureException("The baseline cannot be read: " + e.getMessage());
    }
    Optional<Path> file = ReportFiles.of(format.name(), outputFile, buildDirectory, "diff");
    if (!result.compared()) {
      log.diagnostics(result.report());
      if (file.isPresent()) {
        log.report(file.get(), format.formatter(Severity.ERROR, false).format(result.report()));
      }
      throw new MojoFailureException(result.notComparedLine());
    }
    ValidationReport report = result.report();
    log.diagnostics(shown(report, threshold, !verbose));
    if (file.isPresent()) {
      boolean hideNotes = format == ReportFormat.text && !verbose;
      log.report(
          file.get(),
          format.formatter(threshold, false).format(shown(report, threshold, hideNotes)));
    }
    String summary = result.summary(!verbose, "failOn=", "-Dtracepaper.diff.verbose");
    if (!result.passed()) {
      throw new MojoFailureException(summary);
    }
    if (!quiet) {
      log.info(summary);
    }
  }

  private ValidationReport shown(ValidationReport report, Severity threshold, boolean hideNotes) {
    List<Diagnostic> shown =
        report.diagnostics().stream()
            .filter(d -> !quiet || d.severity().atLeast(threshold))
            .filter(d -> !hideNotes || d.severity() != Severity.NOTE)
            .toList();
    return new ValidationReport(report.model(), shown);
  }
}
