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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tracepaper validate PATH...}: checks a model and reports every problem found. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Checks a model and reports every problem in it.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the model is valid",
      "1:the model is invalid (a diagnostic at or above --fail-on)",
      "2:usage error",
      "4:internal error (run with -x for the stack trace)"
    })
public final class ValidateCommand implements Callable<Integer> {

  /** The output formats. */
  enum Format {
    text,
    json,
    sarif
  }

  /** Which severity makes the run fail. */
  enum FailOn {
    error,
    warning
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A model file, or a folder of *.yaml (and *.yml) files that make one model.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "error",
      description =
          "Exit with 1 on diagnostics of this severity or worse: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--baseline",
      paramLabel = "OLD",
      description =
          "Also compare the model with this baseline, as `tracepaper diff OLD PATH...` does: a"
              + " model file or folder, or git:REF (git:origin/main). Its findings count toward"
              + " --fail-on.")
  String baseline;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only diagnostics that make the run fail, and no summary.")
  boolean quiet;

  @Override
  public Integer call() {
    ModelArguments.requireExisting(spec, paths);
    Path base = Path.of("").toAbsolutePath();
    Validator.Outcome validated = new Validator().run(paths, base);
    ValidationReport report = validated.report();
    if (baseline != null) {
      report = withBaseline(validated);
    }
    Severity threshold = failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR;
    ValidationReport shown =
        quiet
            ? new ValidationReport(
                report.model(),
                report.diagnostics().stream().filter(d -> d.severity().atLeast(threshold)).toList())
            : report;
    PrintWriter out = spec.commandLine().getOut();
    out.print(formatter(threshold).format(shown));
    out.flush();
    return report.valid(threshold) ? ExitCode.OK : ExitCode.INVALID_MODEL;
  }

  /**
   * The report with the findings of comparing the model with {@code --baseline}; an invalid model
   * is not compared (its errors say enough), an invalid baseline adds its errors.
   */
  private ValidationReport withBaseline(Validator.Outcome validated) {
    ValidationReport report = validated.report();
    if (report.hasErrors() || validated.index().isEmpty()) {
      return report;
    }
    Baseline old;
    try {
      old = Baseline.load(baseline, paths, Path.of("").toAbsolutePath());
    } catch (BaselineUnavailable e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--baseline " + e.getMessage());
    }
    List<Diagnostic> all = new ArrayList<>(report.diagnostics());
    all.addAll(old.valid() ? old.compare(validated.index().get()).diagnostics() : old.errors());
    return old.report(report.model(), all);
  }

  /** Every format judges the model against the same threshold as the exit code. */
  private DiagnosticFormatter formatter(Severity threshold) {
    return switch (format) {
      case text -> new TextFormatter(!quiet, threshold);
      case json -> new JsonFormatter(threshold);
      case sarif -> new SarifFormatter(VersionProvider.version(), threshold, DiffRules::helpUri);
    };
  }
}
