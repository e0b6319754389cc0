package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.Rule;
import java.util.List;

/** The rules about CEL expressions: syntax, types, and the types of what they produce. */
public final class ExpressionRules {

  private ExpressionRules() {}

  public static List<Rule> all() {
    return List.of(
        new ExpressionSyntaxError(),
        new UnknownNameInExpression(),
        new UnknownFieldInExpression(),
        new ExpressionTypeError(),
        new WrongExpressionType(),
        new IntegerDivisionIntoFloat(),
        new UnknownEnumLiteral(),
        new InvalidTimePattern(),
        new InvalidTimeLiteral(),
        new UntranslatableExpression());
  }
}
