package dev.tracepaper.task;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.cli.ExitCode;
import dev.tracepaper.extend.Extensions;
import dev.tracepaper.extend.ExtensionsRefused;
import dev.tracepaper.extend.Merged;
import dev.tracepaper.extend.Starters;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.Manifest;
import dev.tracepaper.output.OutputRefusedException;
import dev.tracepaper.output.Plan;
import dev.tracepaper.output.PlanWriter;
import dev.tracepaper.output.Planner;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.TemplateError;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.source.ModelFiles;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code generate}: validates the model and, when it has no error, renders the project into memory,
 * merges the project's extension files, compares the result with the output folder and the manifest
 * of the last generation, and writes what changed in one transaction (docs/regeneration.md).
 */
public final class Generation {

  private Generation() {}

  /**
   * What to generate: the model's {@code paths}; {@code workingFolder}, below which files are named
   * and the default output {@code generated/<app name>} lies; {@code output} and {@code templates}
   * (null for the defaults); {@code force} to overwrite generated files edited by hand; {@code
   * preview} to plan and write nothing ({@code --dry-run}).
   */
  public record Request(
      List<Path> paths,
      Path workingFolder,
      Path output,
      Path templates,
      boolean force,
      boolean preview) {}

  /**
   * The validation of the model, the folder generated into (null when invalid), and the outcome.
   */
  public record Result(ValidationReport validation, Path target, Outcome outcome) {

    public int exitCode() {
      return outcome.exitCode();
    }
  }

  /** How the run ended; every outcome but {@link Written} and {@link Previewed} wrote nothing. */
  public sealed interface Outcome {
    int exitCode();
  }

  /** The model has errors. */
  public record Invalid() implements Outcome {
    public int exitCode() {
      return ExitCode.INVALID_MODEL;
    }
  }

  /** The templates option names no folder: a usage error. */
  public record NoTemplatesFolder(String message) implements Outcome {
    public int exitCode() {
      return ExitCode.USAGE;
    }
  }

  /** A template failed to render. */
  public record RenderFailed(TemplateError error) implements Outcome {
    public int exitCode() {
      return ExitCode.RENDER;
    }
  }

  /** An extension file of the project cannot be merged. */
  public record ExtensionsInvalid(ExtensionsRefused refused) implements Outcome {
    public int exitCode() {
      return ExitCode.INVALID_MODEL;
    }
  }

  /** The output folder cannot be used (a damaged manifest, a file in the way of a folder). */
  public record OutputRefused(String message) implements Outcome {
    public int exitCode() {
      return ExitCode.USAGE;
    }
  }

  /** A preview of a folder an interrupted run left half-applied: a real run must roll it back. */
  public record Interrupted() implements Outcome {
    public int exitCode() {
      return ExitCode.USAGE;
    }
  }

  /** Writing would lose someone's work: generated files edited by hand, files in the way. */
  public record Conflicts(Plan plan) implements Outcome {
    public int exitCode() {
      return ExitCode.USAGE;
    }
  }

  /** The plan of a preview, written nowhere; conflicts in it fail the run as a real run would. */
  public record Previewed(Plan plan, List<Merged> merged) implements Outcome {
    public int exitCode() {
      return plan.hasConflicts() ? ExitCode.USAGE : ExitCode.OK;
    }
  }

  /** The plan was written; {@code millis} since the run started. */
  public record Written(Plan plan, List<Merged> merged, long millis) implements Outcome {
    public int exitCode() {
      return ExitCode.OK;
    }
  }

  /**
   * Runs the generation.
   *
   * @throws dev.tracepaper.render.TemplateSetupException when the templates folder or its {@code
   *     templates.yaml} is wrong
   */
  public static Result run(Request request) throws IOException {
    long started = System.nanoTime();
    PhaseTimer timer = new PhaseTimer(System.err);
    Validator.Outcome validated =
        new Validator().run(request.paths(), request.workingFolder().toAbsolutePath());
    timer.lap("validate");
    ValidationReport report = validated.report();
    if (ModelValidity.invalid(validated)) {
      return new Result(report, null, new Invalid());
    }
    ProjectData project = ProjectDataBuilder.build(validated.index().get());
    timer.lap("build");
    Path target =
        request.output() != null
            ? request.output()
            : request.workingFolder().resolve("generated").resolve(project.name());
    return new Result(report, target, generate(request, project, target, started, timer));
  }

  private static Outcome generate(
      Request request, ProjectData project, Path target, long started, PhaseTimer timer)
      throws IOException {
    Path templates = request.templates();
    if (templates != null && !Files.isDirectory(templates)) {
      return new NoTemplatesFolder("--templates %s is not a folder.".formatted(templates));
    }
    FileTree tree;
    try {
      ProjectRenderer renderer =
          templates == null ? ProjectRenderer.packaged() : ProjectRenderer.customised(templates);
      tree = renderer.render(project);
    } catch (TemplateFailure e) {
      return new RenderFailed(e.error());
    }
    timer.lap("render");
    Extensions.Outcome extended;
    try {
      extended = Extensions.merge(target, tree);
    } catch (ExtensionsRefused e) {
      return new ExtensionsInvalid(e);
    }
    timer.lap("extensions");
    try {
      return write(request, target, extended, started, timer);
    } catch (OutputRefusedException e) {
      return new OutputRefused(e.getMessage());
    }
  }

  private static Outcome write(
      Request request, Path target, Extensions.Outcome extended, long started, PhaseTimer timer)
      throws IOException {
    FileTree tree = extended.tree();
    if (PlanWriter.interrupted(target)) {
      if (request.preview()) {
        return new Interrupted();
      }
      PlanWriter.recover(target);
    }
    Manifest manifest =
        Manifest.of(
            "tracepaper " + GeneratorVersion.read().orElse("unknown"),
            ModelFiles.contentHash(
                ModelFiles.collect(request.paths(), request.workingFolder()).files()),
            tree);
    timer.lap("manifest");
    // The first generation starts the project with commented extension files; the manifest,
    // built above, never records them, so no later run writes or deletes them.
    boolean first =
        !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || Manifest.read(target).isEmpty();
    FileTree planned = first ? Starters.add(tree) : tree;
    timer.lap("starters");
    Plan plan = Planner.plan(target, planned, manifest, request.force());
    plan = Starters.explained(plan);
    timer.lap("plan");
    if (request.preview()) {
      return new Previewed(plan, extended.merged());
    }
    if (plan.hasConflicts()) {
      return new Conflicts(plan);
    }
    new PlanWriter().write(plan);
    timer.lap("write");
    return new Written(plan, extended.merged(), (System.nanoTime() - started) / 1_000_000);
  }
}
