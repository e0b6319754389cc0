package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.stack.StackPlan;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack that would hold more than a stack may: more CloudFormation resources than 500 (counted
 * after the SAM transform), or more command functions than the IAM policy of its command role can
 * name ({@link StackPlan#COMMAND_FUNCTION_LIMIT}). Each subdomain is a nested stack and splits
 * itself when it is too large ({@link StackPlan}), so what can pass a limit is the root (the shared
 * resources and every element without a subdomain) or a single aggregate or view.
 */
public final class TooManyResources implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    StackPlan plan = StackPlan.of(model);
    List<StackPlan.Stack> stacks = new ArrayList<>();
    stacks.add(plan.root());
    stacks.addAll(plan.nested());
    for (StackPlan.Stack stack : stacks) {
      StackPlan.Count count = stack.count();
      if (count.total() > StackPlan.STACK_LIMIT) {
        report.error(
            where(model, stack),
            ("%s would hold %d CloudFormation resources after the SAM transform (%d for"
                    + " commands, %d for policies, %d for views and queries, %s%d shared), but a"
                    + " stack holds at most %d.")
                .formatted(
                    capitalized(stack.describe()),
                    count.total(),
                    count.commands(),
                    count.policies(),
                    count.views(),
                    count.automations() == 0 ? "" : count.automations() + " for automations, ",
                    count.shared(),
                    StackPlan.STACK_LIMIT),
            stack.nested()
                ? "split the aggregate or view that fills the stack, or merge its queries"
                : count.automations() == 0
                    ? "give aggregates a `subdomain`: each subdomain is a nested stack of its own"
                    : "give aggregates a `subdomain` (each subdomain is a nested stack of its own),"
                        + " or do in one automation what several do: every automation is in the"
                        + " root stack");
      }
      if (stack.commandFunctions() > StackPlan.COMMAND_FUNCTION_LIMIT) {
        report.error(
            where(model, stack),
            ("%s would hold the command functions of %d aggregates, but the role AppSync invokes"
                    + " them with names each in its IAM policy, and IAM holds %,d characters of"
                    + " a role's policies: at most %d functions.")
                .formatted(
                    capitalized(stack.describe()),
                    stack.commandFunctions(),
                    StackPlan.ROLE_POLICY_LIMIT,
                    StackPlan.COMMAND_FUNCTION_LIMIT),
            "give aggregates a `subdomain`: each subdomain is a nested stack of its own");
      }
    }
  }

  /** The resources of the root stack, for tests. */
  static int count(ModelIndex model) {
    return StackPlan.of(model).root().resources();
  }

  /**
   * The root: the app; a nested stack: the subdomain of its first aggregate, else its first view,
   * else the app.
   */
  static SourceLocation where(ModelIndex model, StackPlan.Stack stack) {
    if (stack.nested()) {
      for (String name : stack.aggregates()) {
        Aggregate aggregate = model.aggregate(name).orElseThrow();
        return aggregate.subdomain().map(Located::location).orElse(aggregate.location());
      }
      for (String name : stack.views()) {
        return model.view(name).orElseThrow().location();
      }
    }
    SourceLocation where = model.model().app().map(a -> a.location()).orElse(SourceLocation.NONE);
    if (where.equals(SourceLocation.NONE) && !model.model().aggregates().isEmpty()) {
      where = model.model().aggregates().get(0).location();
    }
    return where;
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
