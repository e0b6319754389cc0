package dev.tracepaper.task;

import dev.tracepaper.cli.ExitCode;
import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.Baseline;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code validate}: checks a model, and with a baseline also compares it as {@code diff} does, so
 * that CI needs one step.
 */
public final class ModelCheck {

  private ModelCheck() {}

  /** Every diagnostic found, and the least severity that makes the run fail. */
  public record Result(ValidationReport report, Severity threshold) {

    public boolean valid() {
      return report.valid(threshold);
    }

    public int exitCode() {
      return valid() ? ExitCode.OK : ExitCode.INVALID_MODEL;
    }

    /** Only the diagnostics that make the run fail ({@code --quiet}). */
    public ValidationReport failing() {
      return new ValidationReport(
          report.model(),
          report.diagnostics().stream().filter(d -> d.severity().atLeast(threshold)).toList());
    }
  }

  /**
   * Validates the model of {@code paths}, naming files relative to {@code base}; with a {@code
   * baseline} ({@code git:REF} or a path; null for none), adds the findings of comparing the two.
   *
   * @throws BaselineUnavailable when the baseline cannot be read (the user's to fix)
   */
  public static Result run(List<Path> paths, Path base, Severity failOn, String baseline)
      throws BaselineUnavailable {
    Validator.Outcome validated = new Validator().run(paths, base);
    ValidationReport report = validated.report();
    if (baseline != null) {
      report = withBaseline(validated, paths, base, baseline);
    }
    return new Result(report, failOn);
  }

  /**
   * The report with the findings of comparing the model with the baseline; an invalid model is not
   * compared (its errors say enough), an invalid baseline adds its errors.
   */
  private static ValidationReport withBaseline(
      Validator.Outcome validated, List<Path> paths, Path base, String baseline)
      throws BaselineUnavailable {
    ValidationReport report = validated.report();
    if (report.hasErrors() || validated.index().isEmpty()) {
      return report;
    }
    Baseline old = Baseline.load(baseline, paths, base);
    List<Diagnostic> all = new ArrayList<>(report.diagnostics());
    all.addAll(old.valid() ? old.compare(validated.index().get()).diagnostics() : old.errors());
    return old.report(report.model(), all);
  }
}
