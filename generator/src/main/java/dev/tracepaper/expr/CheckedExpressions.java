package dev.tracepaper.expr;

import dev.tracepaper.model.Expression;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every expression of a model, checked: what rules report on and what generation translates. */
public final class CheckedExpressions {

  private final List<CheckedExpression> all;
  private final Map<Expression, CheckedExpression> byExpression = new IdentityHashMap<>();
  private final ModelTypes types;
  private final ExpressionLocator locator;

  CheckedExpressions(List<CheckedExpression> all, ModelTypes types, ExpressionLocator locator) {
    this.all = List.copyOf(all);
    this.types = types;
    this.locator = locator;
    all.forEach(c -> byExpression.put(c.expression(), c));
  }

  /** In model order: aggregates (events, commands, policies), then views. */
  public List<CheckedExpression> all() {
    return all;
  }

  public Optional<CheckedExpression> of(Expression expression) {
    return Optional.ofNullable(byExpression.get(expression));
  }

  public Stream<ExpressionProblem> problems(ExpressionProblem.Kind kind) {
    return all.stream().flatMap(c -> c.problems().stream()).filter(p -> p.kind() == kind);
  }

  /** Expressions free of CEL problems, for checks of what their values are used for. */
  public Stream<CheckedExpression> valid() {
    return all.stream().filter(CheckedExpression::isValid);
  }

  public ModelTypes types() {
    return types;
  }

  public ExpressionLocator locator() {
    return locator;
  }
}
