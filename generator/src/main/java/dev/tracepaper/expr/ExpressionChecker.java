package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Parses and type-checks every CEL expression of a model with the names its place puts in scope.
 * Rules share one result per model through {@link #checked(ModelIndex)}.
 */
public final class ExpressionChecker {

  private static final Map<ModelIndex, CheckedExpressions> CHECKED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final ModelTypes types;
  private final CheckerSession session;
  private final ExpressionLocator locator;
  private final ProblemExplainer explainer;
  private final List<CheckedExpression> results = new ArrayList<>();

  private ExpressionChecker(ModelIndex index) {
    this.types = new ModelTypes(index);
    this.session = new CheckerSession(new ModelTypeProvider(types));
    this.locator = new ExpressionLocator(index.model().sources());
    this.explainer = new ProblemExplainer(types, locator, session.functionNames());
  }

  /** The model's expressions, checked once per model however many rules ask. */
  public static CheckedExpressions checked(ModelIndex index) {
    CheckedExpressions known = CHECKED.get(index);
    if (known == null) {
      known = check(index);
      CHECKED.put(index, known);
    }
    return known;
  }

  /** Checks every expression of the model afresh. */
  public static CheckedExpressions check(ModelIndex index) {
    ExpressionChecker checker = new ExpressionChecker(index);
    new ModelWalker(checker.types, checker::check).walk();
    return new CheckedExpressions(checker.results, checker.types, checker.locator);
  }

  private CheckedExpression check(Expression expression, Site site, Scope scope) {
    CheckedExpression checked = checkOne(expression, site, scope);
    results.add(checked);
    return checked;
  }

  private CheckedExpression checkOne(Expression expression, Site site, Scope scope) {
    String text = expression.text();
    CheckerSession.Parsed parsed = session.parse(text);
    if (parsed.ast().isEmpty()) {
      return CheckedExpression.invalid(
          expression, site, scope, explainer.syntax(expression, site, parsed.errors()));
    }
    CheckerSession.Checked checked = session.check(parsed.ast().get(), scope.names());
    if (!checked.errors().isEmpty() || checked.ast().isEmpty()) {
      return CheckedExpression.invalid(
          expression,
          site,
          scope,
          explainer.typeErrors(expression, site, scope, checked.ast(), checked.errors()));
    }
    CelType result = checked.ast().get().getResultType();
    return new CheckedExpression(expression, site, scope, checked.ast(), result, List.of());
  }
}
