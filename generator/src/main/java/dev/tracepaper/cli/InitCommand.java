package dev.tracepaper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tracepaper init [DIR]}: a new model to start from, small, valid and commented. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Starts a new model: writes DIR/model.yaml, a small commented example that validates.")
public final class InitCommand implements Callable<Integer> {

  static final String MODEL_FILE = "model.yaml";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The folder of the new model (default: the current folder).")
  Path folder;

  @Override
  public Integer call() throws IOException {
    Path model = folder.resolve(MODEL_FILE);
    if (Files.exists(model)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "%s exists already; nothing was written.".formatted(model));
    }
    Files.createDirectories(folder);
    try (InputStream starter = InitCommand.class.getResourceAsStream("starter-model.yaml")) {
      Files.write(model, starter.readAllBytes());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Wrote %s. Next: tracepaper validate %s, then tracepaper generate %s%n",
        model, folder, folder);
    out.flush();
    return ExitCode.OK;
  }
}
