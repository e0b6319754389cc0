package dev.tracepaper.engine;

import dev.tracepaper.model.Expression;

/**
 * An expression of the model failed while it ran (a field without a value used, a division by
 * zero): where the generated code throws and the command ends with {@code INTERNAL_ERROR}.
 */
public final class EvaluationFailed extends RuntimeException {

  private final transient Expression expression;

  EvaluationFailed(Expression expression, String reason) {
    super("`" + expression.text() + "` failed: " + reason);
    this.expression = expression;
  }

  /** The expression, whose {@code location()} says where the model wrote it. */
  public Expression expression() {
    return expression;
  }
}
