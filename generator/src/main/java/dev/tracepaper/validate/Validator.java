package dev.tracepaper.validate;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.DiagnosticSink;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelReader;
import dev.tracepaper.source.ModelFiles;
import dev.tracepaper.source.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads and validates a model. When loading finds errors (YAML, structure), semantic rules do not
 * run: they would only report the consequences of the same mistakes again.
 */
public final class Validator {

  private final List<Rule> rules;

  public Validator() {
    this(Rules.all());
  }

  public Validator(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * Validates the model made of the given files and folders; names files relative to {@code base}.
   */
  public ValidationReport validate(List<Path> inputs, Path base) {
    return run(inputs, base).report();
  }

  /**
   * The report, and the index of the model the rules checked (absent when loading failed), whose
   * derived values (the checked expressions) generation reuses.
   */
  public record Outcome(ValidationReport report, java.util.Optional<ModelIndex> index) {}

  /** Validates like {@link #validate}, keeping the model's index for generation. */
  public Outcome run(List<Path> inputs, Path base) {
    ModelFiles.Collected collected = ModelFiles.collect(inputs, base);
    YamlReader reader = new YamlReader();
    // Files parse independently, and each is read into model records as soon as it is parsed; on
    // a large model this halves the wall time on two cores.
    List<ModelReader.FilePart> parts =
        collected.files().parallelStream()
            .map(
                f ->
                    ModelReader.part(
                        reader.read(f.path(), f.displayName()),
                        f.path().toAbsolutePath().getParent()))
            .toList();
    ModelReader.Result read = new ModelReader().merge(parts);
    List<Diagnostic> diagnostics = new ArrayList<>(collected.diagnostics());
    diagnostics.addAll(read.diagnostics());
    boolean loadFailed = diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    java.util.Optional<ModelIndex> index = java.util.Optional.empty();
    if (!loadFailed) {
      index = java.util.Optional.of(new ModelIndex(read.model()));
      diagnostics.addAll(check(index.get()));
    }
    return new Outcome(new ValidationReport(read.model(), diagnostics), index);
  }

  /** Runs the semantic rules over a model that loaded without errors. */
  public List<Diagnostic> check(ModelIndex index) {
    // The checked expressions are the largest value rules share. Checked first, on every
    // processor: left to the first rule that asks, they kept one thread busy while the rules
    // that wait for them kept the other idle.
    ExpressionChecker.checked(index);
    // Rules only read the model, so they run in parallel; the report sorts what they find.
    return rules.parallelStream()
        .flatMap(
            rule -> {
              DiagnosticSink sink = new DiagnosticSink();
              rule.check(index, new Reporter(rule.id(), sink));
              return sink.diagnostics().stream();
            })
        .toList();
  }
}
