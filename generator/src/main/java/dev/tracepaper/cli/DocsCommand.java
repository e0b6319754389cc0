package dev.tracepaper.cli;

import dev.tracepaper.docs.DocsSite;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.output.Action;
import dev.tracepaper.output.Change;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.Manifest;
import dev.tracepaper.output.OutputRefusedException;
import dev.tracepaper.output.Plan;
import dev.tracepaper.output.PlanWriter;
import dev.tracepaper.output.Planner;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.source.ModelFiles;
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
 * {@code tracepaper docs MODEL... [-o DIR]}: validates the model and, when it has no error, writes
 * its documentation site (docs/docs-site.md) in one transaction, as generate writes a project: the
 * site is wholly replaced, files Tracepaper did not write are never touched.
 */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Validates a model and writes its documentation site: static HTML pages with diagrams,"
            + " readable offline from the file system. An invalid model writes nothing.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the site was written",
      "1:the model is invalid (nothing was written)",
      "2:usage error, or a file Tracepaper did not write is in the way (nothing was written)",
      "3:a page failed to render (nothing was written)",
      "4:internal error (run with -x for the stack trace)"
    })
public final class DocsCommand implements Callable<Integer> {

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
          "The folder to write the site into (default: docs-site/<app name>). A second run"
              + " replaces the site; files Tracepaper did not write are never touched.")
  Path output;

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
        ModelArguments.validated(paths, out, !quiet, "No documentation was written");
    if (model.isEmpty()) {
      return ExitCode.INVALID_MODEL;
    }
    FileTree site;
    try {
      site = new DocsSite().render(model.get());
    } catch (TemplateFailure e) {
      err.println("tracepaper: a page failed to render, nothing was written: " + e.error());
      err.flush();
      return ExitCode.RENDER;
    }
    String name = model.get().model().app().map(a -> a.name().value()).orElse("model");
    Path target = output != null ? output : Path.of("docs-site", name);
    try {
      return write(target, site, started, out, err);
    } catch (OutputRefusedException e) {
      err.println("tracepaper: " + e.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
  }

  private int write(Path target, FileTree site, long started, PrintWriter out, PrintWriter err)
      throws IOException {
    if (PlanWriter.interrupted(target)) {
      PlanWriter.recover(target);
    }
    Manifest manifest =
        Manifest.of(
            "tracepaper docs " + VersionProvider.version(),
            ModelFiles.contentHash(ModelFiles.collect(paths, Path.of("")).files()),
            site);
    // Forced: the site is documentation, never edited by hand, so a run replaces all of it.
    Plan plan = Planner.plan(target, site, manifest, true);
    if (plan.hasConflicts()) {
      List<Change> conflicts = plan.with(Action.CONFLICT);
      err.printf(
          "tracepaper: nothing was written to %s: %d %s Tracepaper did not write %s in the way:%n",
          plan.out(),
          conflicts.size(),
          conflicts.size() == 1 ? "file" : "files",
          conflicts.size() == 1 ? "is" : "are");
      for (Change change : conflicts) {
        err.printf("  %s: %s%n", change.path(), change.reason());
      }
      err.println("Move them, or write the site into another folder with -o.");
      err.flush();
      return ExitCode.USAGE;
    }
    new PlanWriter().write(plan);
    if (!quiet) {
      long millis = (System.nanoTime() - started) / 1_000_000;
      out.printf(
          "Wrote the documentation site into %s: %d files (%d changed); in %d ms. Open %s.%n",
          target,
          site.files().size(),
          plan.count(Action.CREATE) + plan.count(Action.UPDATE) + plan.count(Action.DELETE),
          millis,
          target.resolve("index.html"));
      out.flush();
    }
    return ExitCode.OK;
  }
}
