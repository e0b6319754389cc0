package dev.tracepaper.validate.rules;

import dev.cel.common.ast.CelExpr;
import dev.tracepaper.automation.Activities;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashSet;
import java.util.Set;

/**
 * A secret an automation declares but never reads: its function would still be allowed to read it,
 * which least privilege means it should not be.
 */
public final class UnusedSecret implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    for (Automation automation : model.model().automations()) {
      Set<String> read = new HashSet<>();
      Activities.expressions(automation).stream()
          .flatMap(e -> checked.of(e).flatMap(CheckedExpression::ast).stream())
          .flatMap(ast -> AstNodes.all(ast.getExpr()).stream())
          .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.SELECT)
          .filter(n -> n.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT)
          .filter(n -> n.select().operand().ident().name().equals("secrets"))
          .forEach(n -> read.add(n.select().field()));
      for (Automation.Secret secret : automation.secrets()) {
        if (!read.contains(secret.name())) {
          report.warning(
              secret.location(),
              "Automation `%s` declares the secret `%s` but never reads it."
                  .formatted(automation.name(), secret.name()),
              "remove it, so that the automation is not allowed to read it; or read it as"
                  + " `secrets.%s`".formatted(secret.name()));
        }
      }
    }
  }
}
