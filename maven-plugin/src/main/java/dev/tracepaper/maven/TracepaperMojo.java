package dev.tracepaper.maven;

import dev.tracepaper.render.TemplateSetupException;
import dev.tracepaper.source.ModelFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the model, {@code skip}, {@code quiet}, and the mapping of the command
 * line's exit codes onto Maven's outcomes. Whatever the user can fix (an invalid model, a failed
 * test, a wrong parameter, a broken template) is a {@link MojoFailureException}, BUILD FAILURE;
 * only a bug in tracepaper is a {@link MojoExecutionException}, with its stack trace under {@code
 * -e}.
 */
abstract class TracepaperMojo extends AbstractMojo {

  /**
   * The model: a folder of {@code *.yaml} and {@code *.yml} files (read recursively), or one file.
   */
  @Parameter(property = "tracepaper.model", defaultValue = "${project.basedir}/model")
  File model;

  /** Skips the goal. */
  @Parameter(property = "tracepaper.skip", defaultValue = "false")
  boolean skip;

  /** Logs only what fails the build, and no summary, as the command line's {@code --quiet}. */
  @Parameter(property = "tracepaper.quiet", defaultValue = "false")
  boolean quiet;

  /** Files are named relative to it in messages, as the command line names them from its folder. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (tracepaper.skip).");
      return;
    }
    if (!model.exists()) {
      throw new MojoFailureException(missingModel());
    }
    try {
      run(new BuildLog(getLog(), base()));
    } catch (TemplateSetupException e) {
      throw new MojoFailureException(
          "The templates folder cannot be used as it is; nothing was written:\n" + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new MojoExecutionException(
          "tracepaper: internal error: "
              + e
              + "\nThis is a bug in tracepaper; run Maven again with -e to see the stack trace.",
          e);
    }
  }

  /** The goal's work; throws {@link MojoFailureException} to fail the build. */
  abstract void run(BuildLog log) throws MojoFailureException, IOException;

  /** The model's paths, as the command line's {@code PATH...}. */
  List<Path> models() {
    return List.of(model.toPath());
  }

  /** The folder messages name files from. */
  Path base() {
    return basedir.toPath().toAbsolutePath();
  }

  /** {@code path} relative to the project's folder when it lies below it. */
  /**
   * Names what is missing and, when the project's own folder holds the model (as {@code tracepaper
   * init} writes it), the setting that reads it there.
   */
  private String missingModel() {
    String missing =
        ("There is no model at `%s`: the plugin reads the folder or file its <model> parameter (or"
                + " -Dtracepaper.model) names, model/ by default.")
            .formatted(shown(model.toPath()));
    boolean here =
        !ModelFiles.collect(List.of(basedir.toPath()), basedir.toPath()).files().isEmpty();
    return here
        ? missing
            + " This project's folder holds model files: set <model>${project.basedir}</model>,"
            + " or move them into model/."
        : missing;
  }

  String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(base())
        ? base().relativize(absolute).toString()
        : absolute.toString();
  }

  /**
   * A baseline as the command line takes it: {@code git:REF}, or a path (from the project's
   * folder).
   */
  String baselineSpec(String baseline) {
    if (baseline.startsWith(dev.tracepaper.diff.Baseline.GIT)) {
      return baseline;
    }
    return basedir.toPath().resolve(baseline).toString();
  }
}
