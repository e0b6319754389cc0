package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.DurationLiterals;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A {@code duration('…')} whose text CEL cannot read ({@code '1d'}, {@code '90'}, {@code '1h
 * 30m'}): the check passes it, as CEL reads the text only when it runs, and every run would fail.
 */
public final class InvalidDuration implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    checked
        .valid()
        .filter(c -> c.expression().text().contains("duration"))
        .forEach(c -> check(checked, c, report));
  }

  /** Whether the expression has a duration text this rule reports; UntranslatableExpression not. */
  static boolean reports(CheckedExpression checked) {
    return checked.expression().text().contains("duration")
        && !DurationLiterals.unreadable(checked.ast().orElseThrow()).isEmpty();
  }

  private static void check(CheckedExpressions all, CheckedExpression checked, Reporter report) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    for (CelExpr text : DurationLiterals.unreadable(ast)) {
      int offset = ast.getSource().getPositionsMap().getOrDefault(text.id(), 0);
      report.error(
          all.locator().locateCodePoint(checked.expression(), offset),
          "%s has `duration('%s')`, but CEL cannot read `%s` as a duration."
              .formatted(
                  checked.site().subject(),
                  text.constant().stringValue(),
                  text.constant().stringValue()),
          "write numbers with their units, without spaces: '90m', '1h30m', '2.5s', '-15m'"
              + " (units h, m, s, ms, us and ns; a day is '24h'), at most 10,000 years");
    }
  }
}
