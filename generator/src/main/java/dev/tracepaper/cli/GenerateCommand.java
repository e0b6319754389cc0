package dev.tracepaper.cli;

import dev.tracepaper.extend.ExtensionsRefused;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.task.Generation;
import dev.tracepaper.task.PlanReport;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.IOException;
import java.io.PrintWriter;
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
    if (dumpModel) {
      return dumpModel(out);
    }
    Generation.Result result =
        Generation.run(
            new Generation.Request(paths, Path.of(""), output, templates, force, dryRun || diff));
    if (!ModelArguments.report(
        result.validation(),
        !(result.outcome() instanceof Generation.Invalid),
        out,
        !quiet,
        "Nothing was generated")) {
      return result.exitCode();
    }
    Path target = result.target();
    Generation.Outcome outcome = result.outcome();
    if (outcome instanceof Generation.NoTemplatesFolder refused) {
      throw new CommandLine.ParameterException(spec.commandLine(), refused.message());
    } else if (outcome instanceof Generation.RenderFailed failed) {
      err.println("tracepaper: a template failed, nothing was written: " + failed.error());
    } else if (outcome instanceof Generation.ExtensionsInvalid invalid) {
      extensionsRefused(out, invalid.refused());
    } else if (outcome instanceof Generation.OutputRefused refused) {
      err.println("tracepaper: " + refused.message());
    } else if (outcome instanceof Generation.Interrupted) {
      err.printf(
          "tracepaper: an interrupted run left half-applied changes in %s; run generate without"
              + " --dry-run to roll them back first.%n",
          target);
    } else if (outcome instanceof Generation.Conflicts conflicts) {
      new PlanReport(conflicts.plan()).conflicts(err);
    } else if (outcome instanceof Generation.Previewed previewed) {
      PlanReport report = new PlanReport(previewed.plan());
      report.list(out, quiet, diff);
      if (!quiet) {
        PlanReport.merged(out, previewed.merged());
      }
      out.println(report.summary(true, target) + ".");
    } else if (outcome instanceof Generation.Written written && !quiet) {
      PlanReport report = new PlanReport(written.plan());
      report.notes(out);
      PlanReport.mergedSummary(out, written.merged());
      out.println(report.summary(false, target) + "; in " + written.millis() + " ms.");
    }
    out.flush();
    err.flush();
    return result.exitCode();
  }

  private int dumpModel(PrintWriter out) {
    Optional<ModelIndex> model =
        ModelArguments.validated(paths, out, !quiet, "Nothing was generated");
    if (model.isEmpty()) {
      return ExitCode.INVALID_MODEL;
    }
    ProjectData project = ProjectDataBuilder.build(model.get());
    out.println(
        tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(project));
    out.flush();
    return ExitCode.OK;
  }

  private static void extensionsRefused(PrintWriter out, ExtensionsRefused e) {
    out.print(TextFormatter.format(e.diagnostics(), e.sources()));
    out.printf(
        "Nothing was generated: the extension files have %d %s; fix %s first (see"
            + " docs/extending.md).%n",
        e.diagnostics().size(),
        e.diagnostics().size() == 1 ? "error" : "errors",
        e.diagnostics().size() == 1 ? "it" : "them");
  }
}
