package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.ExpressionProblem;

/**
 * A field that the state, command, event, entity, type, view row or {@code user} read does not
 * have.
 */
public final class UnknownFieldInExpression extends CelProblemRule {

  public UnknownFieldInExpression() {
    super(ExpressionProblem.Kind.UNKNOWN_FIELD);
  }
}
