package dev.tracepaper.maven;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.extend.ExtensionsRefused;
import dev.tracepaper.output.Action;
import dev.tracepaper.output.Change;
import dev.tracepaper.render.TemplateError;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.task.Generation;
import dev.tracepaper.task.PlanReport;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Validates the model and generates its serverless Java project, as {@code tracepaper generate}:
 * only the files that changed are written, files Tracepaper did not write are never touched, and an
 * invalid model generates nothing. Skipped when nothing that goes into the project changed since
 * the last successful run (docs/maven-plugin.md).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends TracepaperMojo {

  /**
   * The folder to generate into; by default {@code generated/<app name>} in the project's folder,
   * where {@code tracepaper generate} run there writes it. The generated project is a project of
   * its own (its pom, its wrapper), meant to be committed, so it is not below {@code target/}.
   */
  @Parameter(property = "tracepaper.output")
  File output;

  /**
   * A folder of templates that replace built-in ones file by file, plus new templates listed in its
   * {@code templates.yaml} (docs/templates.md).
   */
  @Parameter(property = "tracepaper.templates")
  File templates;

  /**
   * Overwrite (or delete) generated files that were edited by hand since the last generation; files
   * Tracepaper did not write are never touched, even so. Generates even when up to date.
   */
  @Parameter(property = "tracepaper.force", defaultValue = "false")
  boolean force;

  /** Log what generating would do to each file, and write nothing. */
  @Parameter(property = "tracepaper.dryRun", defaultValue = "false")
  boolean dryRun;

  /** Skip generating when nothing that goes into the project changed since the last run. */
  @Parameter(property = "tracepaper.incremental", defaultValue = "true")
  boolean incremental;

  @Override
  void run(BuildLog log) throws MojoFailureException, IOException {
    GenerationStamp stamp = new GenerationStamp(buildDirectory.toPath());
    Path templatesFolder = templates == null ? null : templates.toPath();
    Path outputFolder = output == null ? null : output.toPath();
    if (incremental && !force && !dryRun) {
      Optional<Path> upToDate = stamp.upToDate(models(), templatesFolder, outputFolder);
      if (upToDate.isPresent()) {
        log.info(
            "Nothing to generate: %s is up to date with the model and the templates"
                    .formatted(shown(upToDate.get()))
                + " (-Dtracepaper.incremental=false generates anyway).");
        return;
      }
    }
    Generation.Result result =
        Generation.run(
            new Generation.Request(models(), base(), outputFolder, templatesFolder, force, dryRun));
    Generation.Outcome outcome = result.outcome();
    if (outcome instanceof Generation.Invalid) {
      log.diagnostics(result.validation());
      throw new MojoFailureException(
          TextFormatter.summaryLine(result.validation(), dev.tracepaper.diagnostic.Severity.ERROR)
              + " Nothing was generated.");
    }
    if (!quiet) {
      log.diagnostics(result.validation());
    }
    String target = shown(result.target());
    if (outcome instanceof Generation.NoTemplatesFolder) {
      throw new MojoFailureException(
          "The templates parameter names %s, which is not a folder.".formatted(templates));
    } else if (outcome instanceof Generation.RenderFailed failed) {
      TemplateError error = failed.error();
      log.maven()
          .error(
              log.located(
                  SourceLocation.of(error.templateName(), error.line(), error.column()),
                  error.message()));
      throw new MojoFailureException("A template failed to render; nothing was written.");
    } else if (outcome instanceof Generation.ExtensionsInvalid invalid) {
      ExtensionsRefused refused = invalid.refused();
      log.diagnostics(refused.diagnostics(), refused.sources());
      throw new MojoFailureException(
          "Nothing was generated: the extension files of %s have %d %s; fix %s first (see"
                  .formatted(
                      target,
                      refused.diagnostics().size(),
                      refused.diagnostics().size() == 1 ? "error" : "errors",
                      refused.diagnostics().size() == 1 ? "it" : "them")
              + " docs/extending.md).");
    } else if (outcome instanceof Generation.OutputRefused refused) {
      throw new MojoFailureException(refused.message());
    } else if (outcome instanceof Generation.Interrupted) {
      throw new MojoFailureException(
          "An interrupted run left half-applied changes in %s; generate without dryRun to roll them back first."
              .formatted(target));
    } else if (outcome instanceof Generation.Conflicts conflicts) {
      for (Change change : conflicts.plan().with(Action.CONFLICT)) {
        log.maven().error(target + "/" + change.path() + ": " + change.reason());
      }
      throw new MojoFailureException(
          ("Nothing was written to %s: writing would lose someone's work. Move hand-written code"
                  + " into classes of your own (`custom: true`, docs/regeneration.md), or generate"
                  + " with -Dtracepaper.force to overwrite the generated files edited by hand; files"
                  + " Tracepaper did not write are never touched, even so.")
              .formatted(target));
    } else if (outcome instanceof Generation.Previewed previewed) {
      PlanReport report = new PlanReport(previewed.plan());
      log.info(lines(out -> report.list(out, quiet, false)));
      if (!quiet) {
        log.info(lines(out -> PlanReport.merged(out, previewed.merged())));
      }
      String summary = report.summary(true, Path.of(target)) + ".";
      if (previewed.plan().hasConflicts()) {
        throw new MojoFailureException(summary);
      }
      log.info(summary);
    } else if (outcome instanceof Generation.Written written) {
      stamp.record(
          models(),
          templatesFolder,
          result.target(),
          Activities.templateFiles(result.validation().model(), base()));
      if (!quiet) {
        PlanReport report = new PlanReport(written.plan());
        log.info(lines(report::notes));
        log.info(lines(out -> PlanReport.mergedSummary(out, written.merged())));
        log.info(report.summary(false, Path.of(target)) + "; in " + written.millis() + " ms.");
      }
    }
  }

  /** What a report writes, as text; empty text is not logged. */
  private static String lines(java.util.function.Consumer<PrintWriter> report) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    report.accept(out);
    out.flush();
    return text.toString().stripTrailing();
  }
}
