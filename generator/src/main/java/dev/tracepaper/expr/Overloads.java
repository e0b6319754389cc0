package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.tracepaper.expr.ExpressionProblem.Kind;
import dev.tracepaper.model.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Explains "found no matching overload": an operator or function given values it does not take. */
final class Overloads {

  record Explanation(String message, String hint) {
    ExpressionProblem toProblem(ProblemExplainer explainer, Expression expression, int offset) {
      return explainer.problem(Kind.TYPE, expression, offset, message, hint);
    }
  }

  private static final Map<String, String> OPERATORS =
      Map.ofEntries(
          Map.entry("_+_", "+"),
          Map.entry("_-_", "-"),
          Map.entry("_*_", "*"),
          Map.entry("_/_", "/"),
          Map.entry("_%_", "%"),
          Map.entry("_<_", "<"),
          Map.entry("_<=_", "<="),
          Map.entry("_>_", ">"),
          Map.entry("_>=_", ">="),
          Map.entry("_==_", "=="),
          Map.entry("_!=_", "!="),
          Map.entry("_&&_", "&&"),
          Map.entry("_||_", "||"),
          Map.entry("!_", "!"),
          Map.entry("-_", "-"),
          Map.entry("_?_:_", "? :"),
          Map.entry("_[_]", "[…]"),
          Map.entry("@in", "in"));

  private static final Set<String> COMPARISON =
      Set.of("_<_", "_<=_", "_>_", "_>=_", "_==_", "_!=_");
  private static final Set<String> LOGIC = Set.of("_&&_", "_||_", "!_");

  private Overloads() {}

  static Explanation explain(
      Site site, String function, CelExpr node, CelAbstractSyntaxTree ast, Set<String> memberOnly) {
    List<CelExpr> operands = new ArrayList<>();
    node.call().target().ifPresent(operands::add);
    operands.addAll(node.call().args());
    List<String> typeNames =
        operands.stream().map(o -> ProblemExplainer.describe(ast.getType(o.id()))).toList();
    String where = site.description();
    String operator = OPERATORS.get(function);
    String message;
    if (function.equals("_?_:_") && typeNames.size() == 3) {
      return new Explanation(
          "In %s, the two branches of `? :` give different types: %s and %s."
              .formatted(where, typeNames.get(1), typeNames.get(2)),
          "give both branches the same type");
    }
    if (operator != null) {
      message =
          "In %s, `%s` cannot be applied to %s."
              .formatted(where, operator, String.join(" and ", typeNames));
    } else if (node.call().target().isPresent()) {
      message =
          "In %s, `%s` cannot be called on %s%s."
              .formatted(
                  where,
                  function,
                  typeNames.get(0),
                  typeNames.size() > 1
                      ? " with (" + String.join(", ", typeNames.subList(1, typeNames.size())) + ")"
                      : "");
    } else {
      message =
          "In %s, `%s` cannot be applied to (%s)."
              .formatted(where, function, String.join(", ", typeNames));
    }
    String hint =
        node.call().target().isEmpty() && memberOnly.contains(function)
            ? "`%s` is called on a value: `x.%s(…)`".formatted(function, function)
            : hint(function, operator != null, typeNames);
    return new Explanation(message, hint);
  }

  private static String hint(String function, boolean operator, List<String> typeNames) {
    if (function.equals(Functions.ADD_DAYS)) {
      return "`addDays` takes a Date and an Int, e.g. `addDays(today, 7)`";
    }
    if (function.equals(Functions.ADD_SECONDS)) {
      return "`addSeconds` takes a DateTime and an Int, e.g. `addSeconds(now, 3600)`";
    }
    if (function.equals(Functions.SHA256) || function.equals(Functions.CRC32)) {
      return "`%s` takes a String; convert a value of another type with `string(…)` first"
          .formatted(function);
    }
    if (function.equals(Functions.FORMAT_TIME)) {
      return "`formatTime` takes a DateTime and a pattern, e.g. `formatTime(now, 'yyyy-MM-dd')`;"
          + " a Date gives its text with `string(…)`";
    }
    if (function.equals(Functions.EPOCH_SECONDS)) {
      return "`epochSeconds` takes a DateTime, e.g. `epochSeconds(now)`";
    }
    if (function.equals("timestamp")) {
      return "`timestamp` takes the seconds since 1970 as an Int, e.g. `timestamp(epochSeconds(now) + 60)`";
    }
    if (function.equals(Functions.UUID)) {
      return "`uuid()` takes no arguments";
    }
    if (COMPARISON.contains(function) && typeNames.contains("Date")) {
      return "a Date compares only with another Date, e.g. `x < today`";
    }
    if (COMPARISON.contains(function) && typeNames.contains("DateTime")) {
      return "a DateTime compares only with another DateTime, e.g. `x < now`";
    }
    if (LOGIC.contains(function)) {
      return "conditions are Boolean; compare a value to get one, e.g. `x > 0` or `x != ''`";
    }
    if (!operator) {
      return "";
    }
    if (typeNames.contains("String")
        && (typeNames.contains("Int") || typeNames.contains("Float"))) {
      return "convert one side with `string(…)`, `int(…)` or `double(…)`";
    }
    if (typeNames.contains("Int") && typeNames.contains("Float")) {
      return "convert with `double(…)` or `int(…)`: CEL does not mix Int and Float in arithmetic";
    }
    return "";
  }
}
