package dev.tracepaper.validate;

import dev.tracepaper.validate.rules.AutomationRules;
import dev.tracepaper.validate.rules.ExpressionRules;
import dev.tracepaper.validate.rules.ModelRules;
import dev.tracepaper.validate.rules.ReferenceRules;
import java.util.ArrayList;
import java.util.List;

/** Every semantic rule, in the order they run. */
public final class Rules {

  private Rules() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(ReferenceRules.all());
    rules.addAll(ModelRules.all());
    rules.addAll(ExpressionRules.all());
    rules.addAll(AutomationRules.all());
    return List.copyOf(rules);
  }
}
