package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A constraint that could have no effect, silently ignored until issue 11. Constraints are checked
 * on API input (command fields, and the value types and entities they hold) and, for the bounds and
 * patterns of event fields, when a command or policy records the event. So the state's and a view's
 * fields, which are computed, take no constraints, and an event field takes no {@code required} or
 * {@code default}: the flow that records the event always gives every field.
 */
public final class ConstraintNotChecked implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      Constraints c = site.field().constraints();
      Map<String, Located<?>> refused = new LinkedHashMap<>();
      c.required().ifPresent(v -> refused.put("required", v));
      c.defaultValue().ifPresent(v -> refused.put("default", v));
      String why;
      String hint;
      switch (site.holder()) {
        case EVENT -> {
          why = "the command or policy that records an event gives every one of its fields";
          hint = "remove it; the command field that feeds this one says it (`%s` there)";
        }
        case STATE, VIEW -> {
          c.pattern().ifPresent(v -> refused.put("pattern", v));
          c.min().ifPresent(v -> refused.put("min", v));
          c.max().ifPresent(v -> refused.put("max", v));
          c.minLength().ifPresent(v -> refused.put("minLength", v));
          c.maxLength().ifPresent(v -> refused.put("maxLength", v));
          c.minItems().ifPresent(v -> refused.put("minItems", v));
          c.maxItems().ifPresent(v -> refused.put("maxItems", v));
          why =
              site.holder() == FieldSite.Holder.STATE
                  ? "the state is what the events' `apply` make of it, and no caller gives it"
                  : "a view's rows are computed from the write side, and no caller gives them";
          hint =
              "put `%s` on the command field (or the event field) that gives the value, and"
                  + " remove it here";
        }
        default -> {
          continue;
        }
      }
      for (Map.Entry<String, Located<?>> constraint : refused.entrySet()) {
        report.error(
            constraint.getValue().location(),
            "`%s` on %s has no effect: %s.".formatted(constraint.getKey(), site.phrase(), why),
            hint.formatted(constraint.getKey()));
      }
    }
  }
}
