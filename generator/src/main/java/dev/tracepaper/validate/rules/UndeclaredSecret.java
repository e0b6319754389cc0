package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.tracepaper.automation.Activities;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;

/**
 * An automation reads {@code secrets.<name>} that its {@code secrets} does not declare: a secret is
 * read at run time from where the model says it is kept, so one not declared has nowhere to come
 * from (and no permission to be read).
 */
public final class UndeclaredSecret implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    for (Automation automation : model.model().automations()) {
      List<String> declared = automation.secrets().stream().map(Automation.Secret::name).toList();
      for (Expression expression : Activities.expressions(automation)) {
        checked
            .of(expression)
            .flatMap(CheckedExpression::ast)
            .ifPresent(ast -> check(automation, declared, expression, ast, checked, report));
      }
    }
  }

  private static void check(
      Automation automation,
      List<String> declared,
      Expression expression,
      CelAbstractSyntaxTree ast,
      CheckedExpressions checked,
      Reporter report) {
    for (CelExpr node : AstNodes.all(ast.getExpr())) {
      if (node.getKind() != CelExpr.ExprKind.Kind.SELECT
          || node.select().operand().getKind() != CelExpr.ExprKind.Kind.IDENT
          || !node.select().operand().ident().name().equals("secrets")) {
        continue;
      }
      String name = node.select().field();
      if (declared.contains(name)) {
        continue;
      }
      int offset = ast.getSource().getPositionsMap().getOrDefault(node.id(), 0);
      String hint = Suggestions.didYouMean(name, declared);
      report.error(
          checked.locator().locateCodePoint(expression, offset),
          "Automation `%s` reads the secret `%s`, which its `secrets` does not declare."
              .formatted(automation.name(), name),
          hint.isEmpty()
              ? "declare it: `secrets: {%s: {secretsManager: <secret name>}}` (or".formatted(name)
                  + " `parameterStore: <parameter name>`); its value stays out of the model"
              : hint);
    }
  }
}
