package dev.tracepaper.cli;

import dev.tracepaper.extend.Extensions;
import dev.tracepaper.extend.ExtensionsRefused;
import dev.tracepaper.extend.Starters;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.Manifest;
import dev.tracepaper.output.OutputRefusedException;
import dev.tracepaper.output.Plan;
import dev.tracepaper.output.PlanWriter;
import dev.tracepaper.output.Planner;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.source.ModelFiles;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tracepaper generate MODEL... [-o DIR]}: validates the model and, when it has no error,
 * renders the project into memory, compares it with the output folder and the manifest of the last
 * generation, and writes what changed in one transaction (docs/regeneration.md).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Validates a model and generates its serverless Java project. An invalid model generates"
            + " nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the project was generated",
      "1:the model, or an extension file of the project, is invalid (nothing was written)",
      "2:usage error, or a conflict: a generated file was edited by hand (see --force), or a"
          + " file Tracepaper did not write is in the way (nothing was written)",
      "3:a template failed to render (nothing was written)",
      "4:internal error (run with -x for the stack trace)"
    })
public final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "MODEL",
      description = "A model file, or a folder of *.yaml (and *.yml) files that make one model.")
  List<Path> paths;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description =
          "The folder to generate into (default: generated/<app name>). Only files that changed"
              + " are written; files Tracepaper did not write are never touched.")
  Path output;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "A folder of templates that replace built-in ones file by file (same relative path; see"
              + " `tracepaper templates export`), plus new templates listed in its templates.yaml.")
  Path templates;

  @Option(
      names = "--dump-model",
      description =
          "Print the template data model of the model as JSON (what templates see as `project`)"
              + " instead of generating.")
  boolean dumpModel;

  @Option(
      names = "--dry-run",
      description =
          "List each file with what generating would do to it (create, update, unchanged, delete,"
              + " keep, conflict) and write nothing.")
  boolean dryRun;

  @Option(
      names = "--diff",
      description = "Like --dry-run, and also show each change as a unified diff.")
  boolean diff;

  @Option(
      names = "--force",
      description =
          "Overwrite (or delete) generated files that were edited by hand since the last"
              + " generation. Files Tracepaper did not write are never touched, even so.")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    ModelArguments.requireExisting(spec, paths);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    Optional<ModelIndex> model =
        ModelArguments.validated(paths, out, !quiet, "Nothing was generated");
    if (model.isEmpty()) {
      return ExitCode.INVALID_MODEL;
    }
    ProjectData project = ProjectDataBuilder.build(model.get());
    if (dumpModel) {
      out.println(
          tools.jackson.databind.json.JsonMapper.builder()
              .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
              .build()
              .writeValueAsString(project));
      out.flush();
      return ExitCode.OK;
    }
    Path target = output != null ? output : Path.of("generated", project.name());
    FileTree tree;
    try {
      tree = renderer().render(project);
    } catch (TemplateFailure e) {
      err.println("tracepaper: a template failed, nothing was written: " + e.error());
      err.flush();
      return ExitCode.RENDER;
    }
    Extensions.Outcome extended;
    try {
      extended = Extensions.merge(target, tree);
    } catch (ExtensionsRefused e) {
      out.print(TextFormatter.format(e.diagnostics(), e.sources()));
      out.printf(
          "Nothing was generated: the extension files have %d %s; fix %s first (see"
              + " docs/extending.md).%n",
          e.diagnostics().size(),
          e.diagnostics().size() == 1 ? "error" : "errors",
          e.diagnostics().size() == 1 ? "it" : "them");
      out.flush();
      return ExitCode.INVALID_MODEL;
    }
    try {
      int exit = write(target, extended, started, out, err);
      if (exit == ExitCode.OK) {
        leftOut(model.get(), out);
      }
      return exit;
    } catch (OutputRefusedException e) {
      err.println("tracepaper: " + e.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
  }

  /** The automations the project leaves out: their code is generated in a later release. */
  private void leftOut(ModelIndex model, PrintWriter out) {
    List<String> automations = model.model().automations().stream().map(a -> a.name()).toList();
    if (!automations.isEmpty() && !quiet) {
      out.printf(
          "Automations are not generated yet, so this project leaves out %s; `tracepaper test`"
              + " and `tracepaper run` show what they would do.%n",
          String.join(", ", automations));
      out.flush();
    }
  }

  private int write(
      Path target, Extensions.Outcome extended, long started, PrintWriter out, PrintWriter err)
      throws IOException {
    FileTree tree = extended.tree();
    boolean preview = dryRun || diff;
    if (PlanWriter.interrupted(target)) {
      if (preview) {
        err.printf(
            "tracepaper: an interrupted run left half-applied changes in %s; run generate without"
                + " --dry-run to roll them back first.%n",
            target);
        err.flush();
        return ExitCode.USAGE;
      }
      PlanWriter.recover(target);
    }
    Manifest manifest =
        Manifest.of(
            "tracepaper " + VersionProvider.version(),
            ModelFiles.contentHash(ModelFiles.collect(paths, Path.of("")).files()),
            tree);
    // The first generation starts the project with commented extension files; the manifest,
    // built above, never records them, so no later run writes or deletes them.
    boolean first =
        !Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
            || Manifest.read(target).isEmpty();
    Plan plan = Planner.plan(target, first ? Starters.add(tree) : tree, manifest, force);
    plan = Starters.explained(plan);
    PlanReport report = new PlanReport(plan);
    if (preview) {
      report.list(out, quiet, diff);
      if (!quiet) {
        PlanReport.merged(out, extended.merged());
      }
      out.println(report.summary(true, target) + ".");
      out.flush();
      return plan.hasConflicts() ? ExitCode.USAGE : ExitCode.OK;
    }
    if (plan.hasConflicts()) {
      report.conflicts(err);
      err.flush();
      return ExitCode.USAGE;
    }
    new PlanWriter().write(plan);
    if (!quiet) {
      report.notes(out);
      PlanReport.mergedSummary(out, extended.merged());
      long millis = (System.nanoTime() - started) / 1_000_000;
      out.println(report.summary(false, target) + "; in " + millis + " ms.");
      out.flush();
    }
    return ExitCode.OK;
  }

  private ProjectRenderer renderer() throws IOException {
    if (templates == null) {
      return ProjectRenderer.packaged();
    }
    if (!Files.isDirectory(templates)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--templates %s is not a folder.".formatted(templates));
    }
    return ProjectRenderer.customised(templates);
  }
}
