package dev.tracepaper.engine;

import dev.tracepaper.model.Expression;

/**
 * An expression of the model failed while it ran (a field without a value used, a division by
 * zero): where the generated code throws and the command ends with {@code INTERNAL_ERROR}.
 */
public final class EvaluationFailed extends RuntimeException {

  private final transient Expression expression;

  private final String reason;

  EvaluationFailed(Expression expression, String celMessage) {
    super("`" + expression.text() + "` failed: " + reason(celMessage));
    this.expression = expression;
    this.reason = reason(celMessage);
  }

  /**
   * dev.cel's message in the model's words: an operation on a field without a value finds no
   * overload for {@code null}; other messages (a division by zero, an overflow) lose only their
   * position in the expression, which the location says better.
   */
  private static String reason(String celMessage) {
    String message = celMessage == null ? "" : celMessage;
    if (message.contains("No matching overload")) {
      return "a value it uses is absent (a field without a value?)";
    }
    return message.replaceFirst("^evaluation error at expression:\\d+: ", "");
  }

  /** Why it failed: "/ by zero", "a value it uses is absent (…)". */
  public String reason() {
    return reason;
  }

  /** The expression, whose {@code location()} says where the model wrote it. */
  public Expression expression() {
    return expression;
  }
}
