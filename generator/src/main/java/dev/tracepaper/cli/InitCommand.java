package dev.tracepaper.cli;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.ci.GithubWorkflow;
import dev.tracepaper.source.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracepaper init [--ci github] [DIR]}: a new model to start from, small, valid and
 * commented; with {@code --ci}, the CI workflow of the model's repository too.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Starts a new model: writes DIR/model.yaml, a small commented example that validates.",
      "With --ci github, also writes .github/workflows/tracepaper.yml at the root of the git"
          + " repository DIR is in (DIR itself outside one); a model already in DIR is kept and"
          + " only the workflow is written.",
      "An existing file is never overwritten."
    })
public final class InitCommand implements Callable<Integer> {

  static final String MODEL_FILE = "model.yaml";

  /** The CI systems {@code --ci} writes a workflow for. */
  enum Ci {
    github
  }

  @Option(
      names = "--ci",
      paramLabel = "SYSTEM",
      description =
          "Also write the model repository's CI workflow; SYSTEM is github (see docs/ci.md).")
  Ci ci;

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
    refuseFileAsFolder();
    if (ci != null) {
      return withWorkflow(model);
    }
    if (Files.exists(model, LinkOption.NOFOLLOW_LINKS)) {
      throw usage("%s exists already; nothing was written.", model);
    }
    writeStarter(model);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Wrote %s. Next: %s%n", model, nextCommands());
    out.flush();
    return ExitCode.OK;
  }

  /**
   * The workflow at the repository's root, and the starter model when {@code DIR} holds no model
   * yet; nothing when the workflow exists already.
   */
  private int withWorkflow(Path model) throws IOException {
    Path root = GithubWorkflow.repositoryRoot(folder);
    Path workflow = root.resolve(GithubWorkflow.FILE);
    Path shownWorkflow = shown(workflow);
    if (Files.exists(workflow, LinkOption.NOFOLLOW_LINKS)) {
      throw usage("%s exists already; nothing was written.", shownWorkflow);
    }
    boolean starter = !holdsAModel();
    String version = GeneratorVersion.read().orElse("development");
    byte[] text =
        GithubWorkflow.render(root.relativize(folder.toAbsolutePath().normalize()), version)
            .getBytes(StandardCharsets.UTF_8);
    if (starter) {
      writeStarter(model);
    }
    try {
      Files.createDirectories(workflow.getParent());
      Files.write(workflow, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      if (starter) {
        Files.deleteIfExists(model);
      }
      throw usage("cannot write %s (%s); nothing was written.", shownWorkflow, reason(e));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (starter) {
      out.printf("Wrote %s and %s. Next: %s%n", model, shownWorkflow, nextCommands());
    } else {
      out.printf(
          "Wrote %s for the model in %s (it was kept as it is).%n",
          shownWorkflow, folder.toString().isEmpty() ? "." : folder);
    }
    out.printf(
        "The workflow installs tracepaper from the URL in the repository variable"
            + " TRACEPAPER_DIST_URL (its SHA-256 in TRACEPAPER_DIST_SHA256): set them, then commit"
            + " and push (docs/ci.md).%n");
    out.flush();
    return ExitCode.OK;
  }

  /** True when {@code DIR} has model files, as validate finds them. */
  private boolean holdsAModel() {
    return Files.isDirectory(folder)
        && !ModelFiles.collect(List.of(folder), Path.of("").toAbsolutePath()).files().isEmpty();
  }

  /** The path relative to the working folder when it lies below it, else absolute. */
  private static Path shown(Path path) {
    Path here = Path.of("").toAbsolutePath().normalize();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
  }

  private String nextCommands() {
    String dir = folder.toString();
    return "%s (validates it and runs its tests), %s (try it in the browser), then %s"
        .formatted(
            Invocation.command("test", dir),
            Invocation.command("run", dir),
            Invocation.command("generate", dir));
  }

  private void writeStarter(Path model) throws IOException {
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
  }

  /**
   * A usage error naming the file when {@code DIR} is a file ({@code init model.yaml}) or a file
   * stands where one of its folders should be.
   */
  private void refuseFileAsFolder() {
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
