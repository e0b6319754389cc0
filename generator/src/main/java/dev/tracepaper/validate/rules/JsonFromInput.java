package dev.tracepaper.validate.rules;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.expr.ModelTypes;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/**
 * A Json field takes any value of the model written as JSON (a text, a list, an entity, a type, a
 * state, an event, a row), but a whole command input or the caller ({@code user}) has no JSON form
 * of its own: the generated code would not compile. Their fields can be given one by one.
 */
public final class JsonFromInput implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    ModelTypes types = ExpressionChecker.checked(model).types();
    ExpressionChecker.checked(model).valid().forEach(c -> check(c, types, report));
  }

  private static void check(CheckedExpression checked, ModelTypes types, Reporter report) {
    boolean intoJson =
        checked
            .site()
            .target()
            .map(t -> t.type().is(BuiltinType.Json) && !t.type().list())
            .orElse(false);
    if (!intoJson) {
      return;
    }
    inputStruct(types, checked.resultType())
        .ifPresent(
            struct ->
                report.error(
                    checked.expression().location(),
                    "%s gives %s as a whole, which has no JSON form to keep in a Json field."
                        .formatted(checked.site().subject(), struct.description()),
                    "give the fields it needs one by one, e.g. `%s.%s`"
                        .formatted(
                            struct.kind().equals("user") ? "user" : "command",
                            struct.fieldNames().isEmpty() ? "name" : struct.fieldNames().get(0))));
  }

  private static Optional<ModelStruct> inputStruct(ModelTypes types, CelType type) {
    if (type.kind() == CelKind.LIST) {
      return inputStruct(types, ((ListType) type).elemType());
    }
    return types.struct(type).filter(s -> s.kind().equals("command") || s.kind().equals("user"));
  }
}
