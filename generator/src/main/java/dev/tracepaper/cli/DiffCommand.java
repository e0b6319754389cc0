package dev.tracepaper.cli;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.task.ModelComparison;
import dev.tracepaper.task.ReportFormat;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.format.DiagnosticFormatter;
import java.io.PrintWriter;
import java.nio.file.Path;
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
  ReportFormat format;

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
    ModelArguments.requireExisting(spec, paths);
    Severity threshold = Severity.valueOf(failOn.name().toUpperCase(Locale.ROOT));
    ModelComparison.Result result;
    try {
      result = ModelComparison.run(old, paths, Path.of("").toAbsolutePath(), threshold);
    } catch (BaselineUnavailable e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean text = format == ReportFormat.text;
    if (!result.compared()) {
      out.print(formatter(Severity.ERROR).format(result.report()));
      if (text) {
        out.println(result.notComparedLine());
      }
      out.flush();
      return result.exitCode();
    }
    ValidationReport report = result.report();
    boolean hideNotes = text && !verbose;
    List<Diagnostic> shown =
        report.diagnostics().stream()
            .filter(d -> !quiet || d.severity().atLeast(threshold))
            .filter(d -> !hideNotes || d.severity() != Severity.NOTE)
            .toList();
    out.print(formatter(threshold).format(new ValidationReport(report.model(), shown)));
    if (text && !quiet) {
      out.println(result.summary(hideNotes, "--fail-on ", "--verbose"));
    }
    out.flush();
    return result.exitCode();
  }

  private DiagnosticFormatter formatter(Severity threshold) {
    // The text summary of a comparison is this command's own; a report of invalid models has
    // none, the line after it says what to do.
    return format.formatter(threshold, false);
  }
}
