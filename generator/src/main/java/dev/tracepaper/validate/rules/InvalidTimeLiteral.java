package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.TimeLiterals;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A {@code duration('…')} or {@code timestamp('…')} whose text CEL cannot read ({@code '1d'},
 * {@code '1h 30m'}, {@code '2027-01-01'}): the check passes it, as CEL reads the text only when it
 * runs, and every run would fail.
 */
public final class InvalidTimeLiteral implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    checked.valid().filter(InvalidTimeLiteral::mayHave).forEach(c -> check(checked, c, report));
  }

  private static boolean mayHave(CheckedExpression checked) {
    String text = checked.expression().text();
    return text.contains(TimeLiterals.DURATION) || text.contains(TimeLiterals.TIMESTAMP);
  }

  /** Whether the expression has a text this rule reports; UntranslatableExpression then not. */
  static boolean reports(CheckedExpression checked) {
    return mayHave(checked) && !TimeLiterals.unreadable(checked.ast().orElseThrow()).isEmpty();
  }

  private static void check(CheckedExpressions all, CheckedExpression checked, Reporter report) {
    CelAbstractSyntaxTree ast = checked.ast().orElseThrow();
    for (TimeLiterals.Unreadable call : TimeLiterals.unreadable(ast)) {
      String text = call.text().constant().stringValue();
      int offset = ast.getSource().getPositionsMap().getOrDefault(call.text().id(), 0);
      boolean duration = call.function().equals(TimeLiterals.DURATION);
      report.error(
          all.locator().locateCodePoint(checked.expression(), offset),
          "%s has `%s('%s')`, but CEL cannot read `%s` as a %s."
              .formatted(
                  checked.site().subject(),
                  call.function(),
                  text,
                  text,
                  duration ? "duration" : "moment"),
          duration
              ? "write numbers with their units, without spaces: '90m', '1h30m', '2.5s', '-15m'"
                  + " (units h, m, s, ms, us and ns; a day is '24h'), at most 10,000 years"
              : "write a date, a time and its offset, as RFC 3339 does: '2027-01-01T09:00:00Z',"
                  + " '2027-01-01T10:00:00+01:00', in the years 1 to 9999");
    }
  }
}
