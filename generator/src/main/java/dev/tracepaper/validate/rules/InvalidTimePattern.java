package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.tracepaper.expr.AstNodes;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.Functions;
import dev.tracepaper.expr.TimePatterns;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * A {@code formatTime(t, 'pattern')} whose literal pattern the runtime would refuse: a run of
 * letters that is not one of its fields ({@code hh}, {@code YYYY}), or an unclosed quote. The
 * generated code would fail every time it ran; a pattern computed at run time is not checked here.
 */
public final class InvalidTimePattern implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    checked
        .valid()
        .filter(c -> c.expression().text().contains(Functions.FORMAT_TIME))
        .forEach(c -> check(checked, c, report));
  }

  private static void check(CheckedExpressions all, CheckedExpression checked, Reporter report) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    for (CelExpr node : AstNodes.all(ast.getExpr())) {
      if (node.getKind() != CelExpr.ExprKind.Kind.CALL
          || !node.call().function().equals(Functions.FORMAT_TIME)
          || node.call().args().size() != 2) {
        continue;
      }
      CelExpr pattern = node.call().args().get(1);
      if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
        continue;
      }
      String text = pattern.constant().stringValue();
      Optional<String> problem = TimePatterns.problem(text);
      if (problem.isPresent()) {
        int offset = ast.getSource().getPositionsMap().getOrDefault(pattern.id(), 0);
        report.error(
            all.locator().locateCodePoint(checked.expression(), offset),
            "%s formats a time with the pattern `%s`, but %s."
                .formatted(checked.site().subject(), text, problem.get()),
            "the fields are "
                + String.join(", ", List.of("yyyy", "MM", "dd", "HH", "mm", "ss", "SSS"))
                + "; put other letters in single quotes: `formatTime(now, \"yyyy-MM-dd'T'HH:mm\")`");
      }
    }
  }
}
