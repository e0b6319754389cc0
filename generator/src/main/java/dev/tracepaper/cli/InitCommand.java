package dev.tracepaper.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    refuseWhatIsInTheWay(model);
    byte[] starter;
    try (InputStream in = InitCommand.class.getResourceAsStream("starter-model.yaml")) {
      starter = in.readAllBytes();
    }
    try {
      Files.createDirectories(folder);
      // CREATE_NEW: a model.yaml written meanwhile by someone else is still never overwritten.
      Files.write(model, starter, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw usage("%s exists already; nothing was written.", model);
    } catch (IOException e) {
      // The folder cannot be made or written (permissions, a full disk): the user's to fix, so a
      // usage error that says where, not an internal error.
      throw usage("cannot write %s (%s); nothing was written.", model, reason(e));
    }
    PrintWriter out = spec.commandLine().getOut();
    String dir = folder.toString();
    out.printf(
        "Wrote %s. Next: %s (validates it and runs its tests), %s (try it in the browser), then"
            + " %s%n",
        model,
        Invocation.command("test", dir),
        Invocation.command("run", dir),
        Invocation.command("generate", dir));
    out.flush();
    return ExitCode.OK;
  }

  /**
   * A usage error naming the file when {@code DIR} is a file ({@code init model.yaml}), a file
   * stands where one of its folders should be, or {@code DIR/model.yaml} exists.
   */
  private void refuseWhatIsInTheWay(Path model) {
    if (Files.exists(model, LinkOption.NOFOLLOW_LINKS)) {
      throw usage("%s exists already; nothing was written.", model);
    }
    for (Path p = folder.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        Path shown = p.equals(folder.toAbsolutePath().normalize()) ? folder : p;
        throw usage(
            "%s is a file, not a folder: init takes the folder of the new model and writes"
                + " %s in it; nothing was written.",
            shown, MODEL_FILE);
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage();
  }

  private CommandLine.ParameterException usage(String format, Object... args) {
    return new CommandLine.ParameterException(spec.commandLine(), format.formatted(args));
  }
}
