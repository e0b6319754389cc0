package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.UniqueConstraint;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An aggregate that existed gained a {@code unique} constraint (or one on other fields): its
 * instances claim their values only when those next change, so values that stored instances already
 * share stay shared, and a new instance may take an old one's value until then.
 */
public final class UniqueConstraintAdded implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.OPERATION;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    Map<String, Aggregate> old =
        change.oldModel().aggregates().stream()
            .collect(Collectors.toMap(Aggregate::name, Function.identity(), (a, b) -> a));
    for (Aggregate now : change.newModel().aggregates()) {
      Aggregate before = old.get(now.name());
      if (before == null) {
        continue;
      }
      Set<Set<String>> had =
          before.unique().stream().map(u -> Set.copyOf(u.fieldNames())).collect(Collectors.toSet());
      for (UniqueConstraint constraint : now.unique()) {
        if (!had.contains(Set.copyOf(constraint.fieldNames()))) {
          report.report(
              change.current().at(constraint.location()),
              "aggregate %s gained a unique constraint on %s; its stored instances claim their values only when those next change"
                  .formatted(now.name(), String.join(", ", constraint.fieldNames())),
              "before deploying, find the instances that share a value and change all but one of"
                  + " them; see docs/model-reference.md#unique-values");
        }
      }
    }
  }
}
