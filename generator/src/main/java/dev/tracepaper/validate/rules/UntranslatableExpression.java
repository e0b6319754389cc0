package dev.tracepaper.validate.rules;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.JavaNames;
import dev.tracepaper.expr.JavaTranslator;
import dev.tracepaper.expr.JsTranslator;
import dev.tracepaper.expr.Place;
import dev.tracepaper.expr.Scope;
import dev.tracepaper.expr.Translation;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Set;

/**
 * A valid CEL expression using a construct that has no Java translation (a map, a Json value in a
 * computation, a function outside the supported set): generation would have no code for it.
 */
public final class UntranslatableExpression implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    JavaTranslator translator = new JavaTranslator(checked.types(), JavaNames.plain());
    JsTranslator readSide = new JsTranslator();
    checked
        .valid()
        .filter(UntranslatableExpression::knowsItsNames)
        .filter(expression -> !InvalidTimeLiteral.reports(expression))
        .forEach(
            expression -> {
              // A read's auth condition runs in the AppSync resolver, as JavaScript.
              Translation translation =
                  expression.site().place() == Place.AUTH_CONDITION
                      ? readSide.translate(expression)
                      : translator.translate(expression);
              if (translation instanceof Translation.NotTranslatable problem) {
                report(checked, expression, problem, report);
              }
            });
  }

  /**
   * A root name typed {@code dyn} stands for a model element that is unknown (an event of a
   * misspelt aggregate): another rule reports that, and the expression is translated once it is
   * fixed.
   */
  private static boolean knowsItsNames(CheckedExpression expression) {
    return expression.scope().names().entrySet().stream()
            .noneMatch(e -> Scope.ROOTS.contains(e.getKey()) && e.getValue().kind() == CelKind.DYN)
        && !usesFailedVariable(expression);
  }

  /**
   * A variable whose own expression is invalid is typed {@code dyn}, like a Json value: its uses
   * are translated once the variable is fixed, and reporting them now would only repeat the error.
   */
  private static boolean usesFailedVariable(CheckedExpression expression) {
    Set<String> failed = expression.scope().failed();
    return !failed.isEmpty()
        && AstNodes.all(expression.ast().orElseThrow().getExpr()).stream()
            .anyMatch(
                n ->
                    n.getKind() == CelExpr.ExprKind.Kind.IDENT
                        && failed.contains(n.ident().name()));
  }

  private static void report(
      CheckedExpressions checked,
      CheckedExpression expression,
      Translation.NotTranslatable problem,
      Reporter report) {
    report.error(
        checked.locator().locateCodePoint(expression.expression(), problem.offset()),
        "%s uses %s, which generated code cannot compute."
            .formatted(expression.site().subject(), problem.construct()),
        problem.hint());
  }
}
