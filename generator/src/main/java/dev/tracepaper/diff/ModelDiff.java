package dev.tracepaper.diff;

import dev.tracepaper.diagnostic.Diagnostic;
import java.util.List;

/**
 * Compares a model with its baseline: every rule of {@link DiffRules}, each finding a diagnostic
 * like validation's, so the same formatters print them.
 */
public final class ModelDiff {

  private final List<DiffRule> rules;

  public ModelDiff() {
    this(DiffRules.all());
  }

  public ModelDiff(List<DiffRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<Diagnostic> compare(ModelChange change) {
    return rules.stream()
        .flatMap(
            rule -> {
              DiffReporter reporter = new DiffReporter(rule.id(), rule.severity());
              rule.check(change, reporter);
              return reporter.found().stream();
            })
        .sorted(Diagnostic.ORDER)
        .toList();
  }
}
