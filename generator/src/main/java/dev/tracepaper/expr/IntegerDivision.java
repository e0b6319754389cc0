package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.parser.CelUnparser;
import dev.cel.parser.CelUnparserFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Integer division in an Int expression whose value goes into a Float: CEL divides whole numbers
 * without the fraction ({@code 7 / 2} is {@code 3}), and the Float field then holds {@code 3.0}
 * where the text reads like an average. Finds such divisions and writes the expression as Float
 * arithmetic for a hint, in the model's own terms.
 *
 * <p>Only divisions whose quotient reaches the value count: the walk goes through {@code +}, {@code
 * -}, {@code *}, {@code /}, unary minus and the branches of {@code ? :}; a division inside a
 * function's argument, a comparison or {@code %} is something else ({@code size(l) / 2 > 1}).
 */
public final class IntegerDivision {

  private static final Set<String> THROUGH = Set.of("_+_", "_-_", "_*_", "_/_");
  private static final CelUnparser UNPARSER = CelUnparserFactory.newUnparser();

  private IntegerDivision() {}

  /** The integer divisions whose quotient reaches the value of {@code ast}, outermost first. */
  public static List<CelExpr> reachingValue(CelAbstractSyntaxTree ast) {
    List<CelExpr> found = new ArrayList<>();
    collect(ast, ast.getExpr(), found);
    return found;
  }

  /** The identifiers the value of {@code ast} is computed from (candidates for let variables). */
  public static List<String> identifiersReachingValue(CelAbstractSyntaxTree ast) {
    List<String> found = new ArrayList<>();
    walk(ast, ast.getExpr(), found);
    return found;
  }

  private static void walk(CelAbstractSyntaxTree ast, CelExpr expr, List<String> found) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.IDENT) {
      found.add(expr.ident().name());
    }
    for (CelExpr child : through(ast, expr)) {
      walk(ast, child, found);
    }
  }

  private static void collect(CelAbstractSyntaxTree ast, CelExpr expr, List<CelExpr> found) {
    if (isIntDivision(ast, expr)) {
      found.add(expr);
    }
    for (CelExpr child : through(ast, expr)) {
      collect(ast, child, found);
    }
  }

  /** The children whose value the node's value is computed from, for Int arithmetic. */
  private static List<CelExpr> through(CelAbstractSyntaxTree ast, CelExpr expr) {
    if (expr.getKind() != CelExpr.ExprKind.Kind.CALL || !isInt(ast, expr)) {
      return List.of();
    }
    String function = expr.call().function();
    List<CelExpr> args = expr.call().args();
    if (THROUGH.contains(function) || function.equals("-_")) {
      return args;
    }
    if (function.equals("_?_:_")) {
      return args.subList(1, 3);
    }
    return List.of();
  }

  private static boolean isIntDivision(CelAbstractSyntaxTree ast, CelExpr expr) {
    return expr.getKind() == CelExpr.ExprKind.Kind.CALL
        && expr.call().function().equals("_/_")
        && isInt(ast, expr);
  }

  private static boolean isInt(CelAbstractSyntaxTree ast, CelExpr expr) {
    return ast.getType(expr.id()).map(t -> t.kind() == CelKind.INT).orElse(false);
  }

  /** The model's text of a node of {@code ast}. */
  public static String text(CelAbstractSyntaxTree ast, CelExpr expr) {
    return UNPARSER.unparse(CelAbstractSyntaxTree.newParsedAst(expr, ast.getSource()));
  }

  /**
   * {@code ast} as Float arithmetic: each integer division's operands converted with {@code
   * double()} (an Int literal written as a Float), so that {@code (a + b) / 2} reads {@code
   * double(a + b) / 2.0}.
   */
  public static String asFloat(CelAbstractSyntaxTree ast) {
    return floatText(ast, ast.getExpr()).text();
  }

  /** Text with its precedence: 0 `? :`, 1 `+ -`, 2 `* /`, 3 unary, 4 an atom. */
  private record Text(String text, int precedence) {}

  private static Text floatText(CelAbstractSyntaxTree ast, CelExpr expr) {
    Optional<Long> literal = intLiteral(expr);
    if (literal.isPresent()) {
      return new Text(literal.get() + ".0", literal.get() < 0 ? 3 : 4);
    }
    if (reaches(ast, expr)) {
      String function = expr.call().function();
      List<CelExpr> args = expr.call().args();
      switch (function) {
        case "_+_", "_-_", "_*_", "_/_" -> {
          int precedence = function.equals("_+_") || function.equals("_-_") ? 1 : 2;
          String left = operand(floatText(ast, args.get(0)), precedence, false);
          String right = operand(floatText(ast, args.get(1)), precedence, true);
          return new Text(left + " " + function.charAt(1) + " " + right, precedence);
        }
        case "-_" -> {
          return new Text("-" + operand(floatText(ast, args.get(0)), 3, false), 3);
        }
        case "_?_:_" -> {
          String condition = text(ast, args.get(0));
          Text yes = floatText(ast, args.get(1));
          Text no = floatText(ast, args.get(2));
          return new Text(
              condition + " ? " + operand(yes, 1, false) + " : " + operand(no, 0, false), 0);
        }
        default -> {
          // not reached: `reaches` only holds for the nodes above
        }
      }
    }
    return new Text("double(" + text(ast, expr) + ")", 4);
  }

  /** Whether an integer division reaches the value of {@code expr}. */
  private static boolean reaches(CelAbstractSyntaxTree ast, CelExpr expr) {
    List<CelExpr> found = new ArrayList<>();
    collect(ast, expr, found);
    return !found.isEmpty();
  }

  private static String operand(Text operand, int precedence, boolean right) {
    boolean wrap = right ? operand.precedence() <= precedence : operand.precedence() < precedence;
    return wrap ? "(" + operand.text() + ")" : operand.text();
  }

  private static Optional<Long> intLiteral(CelExpr expr) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && expr.constant().getKind() == CelConstant.Kind.INT64_VALUE) {
      return Optional.of(expr.constant().int64Value());
    }
    return Optional.empty();
  }
}
