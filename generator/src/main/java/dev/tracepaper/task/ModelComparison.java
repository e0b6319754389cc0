package dev.tracepaper.task;

import dev.tracepaper.cli.ExitCode;
import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.Baseline;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.TextFormatter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code diff}: what a change of the model since its baseline breaks, for stored events, API
 * clients and the deployment (docs/diff-rules.md). Both models must validate first: findings over a
 * model that does not would be guesses.
 */
public final class ModelComparison {

  private ModelComparison() {}

  /**
   * The findings ({@code compared}), or the errors of the models that kept them from being
   * compared; {@code old} is the baseline as the user named it.
   */
  public record Result(
      String old,
      ValidationReport report,
      Severity threshold,
      boolean compared,
      boolean modelInvalid,
      boolean baselineInvalid) {

    /** The same result, naming the baseline {@code name} (as the user wrote it) in its lines. */
    public Result naming(String name) {
      return new Result(name, report, threshold, compared, modelInvalid, baselineInvalid);
    }

    public boolean passed() {
      return compared && report.valid(threshold);
    }

    public int exitCode() {
      return passed() ? ExitCode.OK : ExitCode.INVALID_MODEL;
    }

    /** The threshold the report is judged by: an invalid model's errors fail whatever it is. */
    public Severity judgedBy() {
      return compared ? threshold : Severity.ERROR;
    }

    /** What to fix before anything can be compared ({@code compared} false). */
    public String notComparedLine() {
      return "Nothing was compared: %s first."
          .formatted(
              !baselineInvalid
                  ? "fix the errors of the model"
                  : modelInvalid
                      ? "fix the errors of both models"
                      : "fix the errors of the baseline " + old);
    }

    /**
     * One line: the verdict against the threshold and the counts of a comparison; {@code failOn}
     * (which the threshold's name follows: {@code "--fail-on "}) and {@code verbose} name the
     * options as the user sets them.
     */
    public String summary(boolean notesHidden, String failOn, String verbose) {
      long notes = report.count(Severity.NOTE);
      String counts = TextFormatter.counts(report);
      String verdict =
          report.valid(threshold)
              ? "The change since %s passes %s%s"
              : "The change since %s fails %s%s";
      String line =
          verdict.formatted(old, failOn, threshold.name().toLowerCase(Locale.ROOT)) + ": " + counts;
      if (notesHidden && notes > 0) {
        line += " (" + verbose + " shows the notes: the compatible changes)";
      }
      return line + ".";
    }
  }

  /**
   * Compares the model of {@code paths} with the baseline {@code old} ({@code git:REF} or a path),
   * naming files relative to {@code base}.
   *
   * @throws BaselineUnavailable when the baseline cannot be read (the user's to fix)
   */
  public static Result run(String old, List<Path> paths, Path base, Severity failOn)
      throws BaselineUnavailable {
    Validator.Outcome current = new Validator().run(paths, base);
    Baseline baseline = Baseline.load(old, paths, base);
    List<Diagnostic> errors = new ArrayList<>(current.report().diagnostics());
    errors.removeIf(d -> d.severity() != Severity.ERROR);
    errors.addAll(baseline.errors());
    if (!errors.isEmpty() || current.index().isEmpty()) {
      ValidationReport invalid = baseline.report(current.report().model(), errors);
      return new Result(
          old, invalid, failOn, false, current.report().hasErrors(), !baseline.errors().isEmpty());
    }
    return new Result(old, baseline.compare(current.index().get()), failOn, true, false, false);
  }
}
