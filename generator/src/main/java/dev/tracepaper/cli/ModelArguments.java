package dev.tracepaper.cli;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.task.ModelValidity;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * What the commands that read a model do first, and do alike: refuse a path that does not exist (a
 * usage error), validate, and report an invalid model in the same words.
 */
final class ModelArguments {

  private ModelArguments() {}

  /** A usage error for the first of {@code paths} that does not exist. */
  static void requireExisting(CommandLine.Model.CommandSpec spec, List<Path> paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "%s does not exist.".formatted(path));
      }
    }
  }

  /**
   * The validated model of {@code paths}; empty when it is invalid, after printing its diagnostics
   * and "{@code notDone}: fix the errors above first." on {@code out}. A valid model's warnings are
   * printed when {@code warnings} says so.
   */
  static Optional<ModelIndex> validated(
      List<Path> paths, PrintWriter out, boolean warnings, String notDone) {
    Validator.Outcome validated = new Validator().run(paths, Path.of("").toAbsolutePath());
    boolean usable =
        report(validated.report(), !ModelValidity.invalid(validated), out, warnings, notDone);
    return usable ? validated.index() : Optional.empty();
  }

  /**
   * Prints the validation of a model that a command goes on to use: when it is not {@code usable},
   * its diagnostics and "{@code notDone}: fix the errors above first."; else its warnings when
   * {@code warnings} says so. Returns {@code usable}.
   */
  static boolean report(
      ValidationReport report, boolean usable, PrintWriter out, boolean warnings, String notDone) {
    if (!usable) {
      out.print(new TextFormatter(true).format(report));
      out.println(notDone + ": fix the errors above first.");
      out.flush();
      return false;
    }
    if (warnings && report.fails(Severity.WARNING)) {
      out.print(new TextFormatter(false).format(report));
    }
    return true;
  }
}
