package dev.tracepaper.bench;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.Manifest;
import dev.tracepaper.output.Plan;
import dev.tracepaper.output.PlanWriter;
import dev.tracepaper.output.Planner;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;

/**
 * Times the phases of one cold {@code generate} in-process, the way {@code GenerateCommand} runs
 * them: validate (load and check), build the data model, render into memory, write (atomic, with
 * its flushes of the file system). Prints one line of milliseconds per phase.
 *
 * <p>Usage: {@code GeneratePhases MODEL_DIR OUTPUT_DIR}
 */
public final class GeneratePhases {

  private GeneratePhases() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    Path output = Path.of(args[1]);
    long t0 = System.nanoTime();
    Validator.Outcome validated = new Validator().run(List.of(model), Path.of("").toAbsolutePath());
    if (validated.report().hasErrors() || validated.index().isEmpty()) {
      throw new IllegalStateException("the model is invalid");
    }
    long t1 = System.nanoTime();
    ProjectData project = ProjectDataBuilder.build(validated.index().get());
    long t2 = System.nanoTime();
    FileTree tree = ProjectRenderer.packaged().render(project);
    long t3 = System.nanoTime();
    PlanWriter.recover(output);
    Plan plan = Planner.plan(output, tree, Manifest.of("bench", "", tree), false);
    long t35 = System.nanoTime();
    new PlanWriter().write(plan);
    long t4 = System.nanoTime();
    long bytes = tree.files().stream().mapToLong(f -> f.content().length).sum();
    System.out.printf(
        "validate %d ms, build data %d ms, render %d ms, plan %d ms, write %d ms (%d files, %d"
            + " bytes)%n",
        (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000,
        (t3 - t2) / 1_000_000,
        (t35 - t3) / 1_000_000,
        (t4 - t35) / 1_000_000,
        tree.files().size(),
        bytes);
  }
}
