package dev.tracepaper.cli;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.ModelIndex;
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
    ValidationReport report = validated.report();
    if (report.hasErrors() || validated.index().isEmpty()) {
      out.print(new TextFormatter(true).format(report));
      out.println(notDone + ": fix the errors above first.");
      out.flush();
      return Optional.empty();
    }
    if (warnings && report.fails(Severity.WARNING)) {
      out.print(new TextFormatter(false).format(report));
    }
    return validated.index();
  }
}
