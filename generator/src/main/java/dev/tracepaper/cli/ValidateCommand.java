package dev.tracepaper.cli;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.BaselineUnavailable;
import dev.tracepaper.task.ModelCheck;
import dev.tracepaper.task.ReportFormat;
import dev.tracepaper.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
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
  ReportFormat format;

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
    Severity threshold = failOn == FailOn.warning ? Severity.WARNING : Severity.ERROR;
    ModelCheck.Result result;
    try {
      result = ModelCheck.run(paths, Path.of("").toAbsolutePath(), threshold, baseline);
    } catch (BaselineUnavailable e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--baseline " + e.getMessage());
    }
    ValidationReport shown = quiet ? result.failing() : result.report();
    PrintWriter out = spec.commandLine().getOut();
    // Every format judges the model against the same threshold as the exit code.
    out.print(format.formatter(threshold, !quiet).format(shown));
    out.flush();
    return result.exitCode();
  }
}
