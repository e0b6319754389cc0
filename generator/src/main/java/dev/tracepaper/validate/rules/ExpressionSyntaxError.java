package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.ExpressionProblem;

/** An expression that is not valid CEL, e.g. an unclosed parenthesis or quote. */
public final class ExpressionSyntaxError extends CelProblemRule {

  public ExpressionSyntaxError() {
    super(ExpressionProblem.Kind.SYNTAX);
  }
}
