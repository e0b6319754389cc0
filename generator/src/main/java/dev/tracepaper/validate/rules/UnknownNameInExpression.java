package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.ExpressionProblem;

/**
 * A name or function that is not in scope where the expression stands, e.g. {@code stat}, {@code
 * command} in a policy, or a {@code let} variable used before it is defined.
 */
public final class UnknownNameInExpression extends CelProblemRule {

  public UnknownNameInExpression() {
    super(ExpressionProblem.Kind.UNKNOWN_NAME);
  }
}
