package dev.tracepaper.cli;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.Baseline;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.diff.DiffRules;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.DiagnosticFormatter;
import dev.tracepaper.validate.format.JsonFormatter;
import dev.tracepaper.validate.format.SarifFormatter;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracepaper diff OLD NEW...}: what a change of the model breaks, for stored events, API
 * clients and the deployment (docs/diff-rules.md).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Compares a model with its baseline and reports every change that breaks stored events"
            + " or API clients, needs an operation, or is worth a review.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above --fail-on",
      "1:a finding at or above --fail-on, or either model is invalid",
      "2:usage error, or the baseline cannot be read (no such path, revision or repository)",
      "4:internal error (run with -x for the stack trace)"
    })
public final class DiffCommand implements Callable<Integer> {

  /** Which severity makes the run fail. */
  enum FailOn {
    error,
    warning,
    note
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OLD",
      description =
          "The baseline: a model file or folder, or git:REF for the NEW paths as they are at a git"
              + " revision (git:origin/main).")
  String old;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "NEW",
      description = "The changed model: a file, or a folder of *.yaml (and *.yml) files.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ValidateCommand.Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      description =
          "Exit with 1 on findings of this severity or worse: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also show the compatible changes (notes) in the text format.")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only findings that make the run fail, and no summary.")
  boolean quiet;

  @Override
  public Integer call() {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw usage("%s does not exist.".formatted(path));
      }
    }
    Path base = Path.of("").toAbsolutePath();
    Severity threshold = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
    Validator.Outcome current = new Validator().run(paths, base);
    Baseline baseline;
    try {
      baseline = Baseline.load(old, paths, base);
    } catch (BaselineUnavailable e) {
      throw usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Diagnostic> errors = new ArrayList<>(current.report().diagnostics());
    errors.removeIf(d -> d.severity() != Severity.ERROR);
    errors.addAll(baseline.errors());
    if (!errors.isEmpty() || current.index().isEmpty()) {
      ValidationReport invalid = baseline.report(current.report().model(), errors);
      out.print(formatter(Severity.ERROR).format(invalid));
      if (format == ValidateCommand.Format.text) {
        out.printf(
            "Nothing was compared: %s first.%n",
            baseline.errors().isEmpty()
                ? "fix the errors of the model"
                : current.report().hasErrors()
                    ? "fix the errors of both models"
                    : "fix the errors of the baseline " + old);
      }
      out.flush();
      return ExitCode.INVALID_MODEL;
    }
    ValidationReport report = baseline.compare(current.index().get());
    boolean hideNotes = format == ValidateCommand.Format.text && !verbose;
    List<Diagnostic> shown =
        report.diagnostics().stream()
            .filter(d -> !quiet || d.severity().atLeast(threshold))
            .filter(d -> !hideNotes || d.severity() != Severity.NOTE)
            .toList();
    out.print(formatter(threshold).format(new ValidationReport(report.model(), shown)));
    if (format == ValidateCommand.Format.text && !quiet) {
      out.println(summary(report, threshold, hideNotes));
    }
    out.flush();
    return report.valid(threshold) ? ExitCode.OK : ExitCode.INVALID_MODEL;
  }

  /** One line: the verdict against {@code --fail-on} and the counts. */
  private String summary(ValidationReport report, Severity threshold, boolean notesHidden) {
    long notes = report.count(Severity.NOTE);
    String counts = TextFormatter.counts(report);
    String verdict =
        report.valid(threshold)
            ? "The change since %s passes --fail-on %s"
            : "The change since %s fails --fail-on %s";
    String line = verdict.formatted(old, threshold.name().toLowerCase(Locale.ROOT)) + ": " + counts;
    if (notesHidden && notes > 0) {
      line += " (--verbose shows the notes: the compatible changes)";
    }
    return line + ".";
  }

  private DiagnosticFormatter formatter(Severity threshold) {
    return switch (format) {
      // The text summary of a comparison is this command's own; a report of invalid models has
      // none, the line after it says what to do.
      case text -> new TextFormatter(false, threshold);
      case json -> new JsonFormatter(threshold);
      case sarif -> new SarifFormatter(VersionProvider.version(), threshold, DiffRules::helpUri);
    };
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
