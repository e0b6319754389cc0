package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.stack.StackPlan;
import java.util.Optional;

/**
 * An element lands in another CloudFormation stack than before although its subdomain stayed (a
 * view that starts reading another subdomain, a subdomain split in two): the same plan the
 * generated templates follow says so.
 */
public final class StackChanged implements DiffRule {

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
    StackPlan before = StackPlan.of(change.old().index());
    StackPlan after = StackPlan.of(change.current().index());
    var aggregates = Elements.aggregates(change.oldModel());
    for (Aggregate now : change.newModel().aggregates()) {
      Aggregate old = aggregates.get(now.name());
      boolean subdomainKept =
          old != null
              && old.subdomain().map(Located::value).equals(now.subdomain().map(Located::value));
      if (subdomainKept) {
        check(change, report, before, after, "aggregate", now.name(), now.location());
      }
    }
    var views = Elements.views(change.oldModel());
    for (View now : change.newModel().views()) {
      if (views.containsKey(now.name())) {
        check(change, report, before, after, "view", now.name(), now.location());
      }
    }
  }

  private static void check(
      ModelChange change,
      DiffReporter report,
      StackPlan before,
      StackPlan after,
      String kind,
      String name,
      SourceLocation location) {
    StackPlan.Stack from = before.stackOf(name);
    StackPlan.Stack to = after.stackOf(name);
    if (from.name().equals(to.name()) || !inSomeStack(before, name) || !inSomeStack(after, name)) {
      return;
    }
    report.report(
        change.current().at(location),
        "%s %s moves from %s to %s".formatted(kind, name, describe(from), describe(to)),
        "deploy twice: first without it, then with it; rebuild a moved view; see"
            + " docs/generated-infrastructure.md#stacks");
  }

  private static String describe(StackPlan.Stack stack) {
    return stack.nested() ? "nested stack " + stack.name() : "the root stack";
  }

  /** An aggregate without commands or policies has no resources and is in no stack. */
  private static boolean inSomeStack(StackPlan plan, String name) {
    return Optional.of(plan.root())
        .filter(s -> s.aggregates().contains(name) || s.views().contains(name))
        .or(
            () ->
                plan.nested().stream()
                    .filter(s -> s.aggregates().contains(name) || s.views().contains(name))
                    .findFirst())
        .isPresent();
  }
}
