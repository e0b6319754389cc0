package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.ExpressionProblem;

/** An operator or function applied to values it does not take, e.g. a Date compared with an Int. */
public final class ExpressionTypeError extends CelProblemRule {

  public ExpressionTypeError() {
    super(ExpressionProblem.Kind.TYPE);
  }
}
