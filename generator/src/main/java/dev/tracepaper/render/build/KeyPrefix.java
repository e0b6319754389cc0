package dev.tracepaper.render.build;

import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What an S3 key's CEL expression fixes of every key it can give: the literal text it starts with
 * ({@code 'weekly/' + week + '.txt'} always starts with {@code weekly/}), or the whole key when it
 * is literal. The automation's IAM policy grants {@code s3:PutObject} on that prefix only.
 */
record KeyPrefix(String text, boolean whole) {

  private static final CelParser PARSER = CelParserFactory.standardCelParserBuilder().build();

  /** The prefix of {@code expression}; nothing fixed (empty, not whole) when it cannot tell. */
  static KeyPrefix of(String expression) {
    CelExpr root;
    try {
      root = PARSER.parse(expression, "key").getAst().getExpr();
    } catch (CelValidationException | RuntimeException e) {
      // Validation parsed it already; a key it cannot read fixes nothing.
      return new KeyPrefix("", false);
    }
    List<CelExpr> parts = new ArrayList<>();
    concatenated(root, parts);
    StringBuilder prefix = new StringBuilder();
    for (CelExpr part : parts) {
      if (part.getKind() != CelExpr.ExprKind.Kind.CONSTANT
          || part.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
        return new KeyPrefix(prefix.toString(), false);
      }
      prefix.append(part.constant().stringValue());
    }
    return new KeyPrefix(prefix.toString(), true);
  }

  /**
   * The operands of a chain of {@code +}, left to right: CEL reads {@code a + b + c} as {@code (a +
   * b) + c}. Only a chain that starts with a string is concatenation, which is all a prefix needs:
   * the first operand decides.
   */
  private static void concatenated(CelExpr expr, List<CelExpr> into) {
    if (expr.getKind() == CelExpr.ExprKind.Kind.CALL
        && expr.call().function().equals("_+_")
        && expr.call().target().isEmpty()
        && expr.call().args().size() == 2) {
      concatenated(expr.call().args().get(0), into);
      concatenated(expr.call().args().get(1), into);
    } else {
      into.add(expr);
    }
  }
}
