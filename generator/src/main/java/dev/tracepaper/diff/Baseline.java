package dev.tracepaper.diff;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model a change is compared with: a path (file or folder), or {@code git:REF}, the new model's
 * paths as they are at a git revision. Loaded and validated like any model; its files are named
 * {@code REF:path} for a revision.
 */
public final class Baseline {

  /** The prefix that names a git revision instead of a path. */
  public static final String GIT = "git:";

  private final ModelChange.Side side;
  private final Validator.Outcome outcome;

  private Baseline(ModelChange.Side side, Validator.Outcome outcome) {
    this.side = side;
    this.outcome = outcome;
  }

  /**
   * Reads the baseline {@code spec} ({@code git:REF} or a path) of the model made of {@code
   * current}, naming files relative to {@code base}.
   */
  public static Baseline load(String spec, List<Path> current, Path base)
      throws BaselineUnavailable {
    if (spec.startsWith(GIT)) {
      String ref = spec.substring(GIT.length());
      try (GitRevision revision = GitRevision.read(ref, current)) {
        Validator.Outcome outcome = new Validator().run(revision.paths(), revision.folder());
        return new Baseline(sideOf(outcome, ref + ":"), outcome);
      }
    }
    Path path = Path.of(spec);
    if (!Files.exists(path)) {
      throw new BaselineUnavailable("the baseline %s does not exist.".formatted(spec));
    }
    Validator.Outcome outcome = new Validator().run(List.of(path), base);
    return new Baseline(sideOf(outcome, ""), outcome);
  }

  private static ModelChange.Side sideOf(Validator.Outcome outcome, String prefix) {
    // A model with loading errors has no index; the side is then only used to name its errors.
    ModelIndex index = outcome.index().orElseGet(() -> new ModelIndex(outcome.report().model()));
    return new ModelChange.Side(index, prefix);
  }

  /** The baseline's validation errors, named as findings name its files. */
  public List<Diagnostic> errors() {
    return outcome.report().diagnostics().stream()
        .filter(d -> d.severity() == Severity.ERROR)
        .map(this::named)
        .toList();
  }

  /**
   * The findings of comparing {@code current} (valid) with this baseline (valid), in a report whose
   * sources are both models' files, so that every format can quote either.
   */
  public ValidationReport compare(ModelIndex current) {
    List<Diagnostic> found =
        new ModelDiff().compare(new ModelChange(side, ModelChange.Side.of(current)));
    return report(current.model(), found);
  }

  /** {@code diagnostics} in a report that can quote the files of both models. */
  public ValidationReport report(Model current, List<Diagnostic> diagnostics) {
    List<SourceFile> sources = new ArrayList<>(current.sources());
    for (SourceFile old : outcome.report().model().sources()) {
      sources.add(new SourceFile(side.filePrefix() + old.path(), old.text()));
    }
    Model both =
        new Model(
            current.app(),
            current.patterns(),
            current.enums(),
            current.types(),
            current.aggregates(),
            current.views(),
            current.queries(),
            current.scenarios(),
            current.automations(),
            sources);
    return new ValidationReport(both, diagnostics);
  }

  /** Whether the baseline loaded and validated without errors. */
  public boolean valid() {
    return outcome.index().isPresent() && !outcome.report().hasErrors();
  }

  private Diagnostic named(Diagnostic d) {
    return new Diagnostic(
        d.id(),
        d.severity(),
        side.at(d.location()),
        d.message(),
        d.hint(),
        d.related().stream().map(side::at).toList());
  }
}
