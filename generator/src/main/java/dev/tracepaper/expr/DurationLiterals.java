package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.runtime.RuntimeHelpers;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** CEL's {@code duration('90m')} with its text written in the expression, read as CEL reads it. */
public final class DurationLiterals {

  static final String FUNCTION = "duration";

  private DurationLiterals() {}

  /** The duration a text means to CEL: {@code 90m}, {@code 1h30m}, {@code -2.5s}. */
  public static Optional<Duration> read(String text) {
    try {
      return Optional.of(RuntimeHelpers.createJavaDurationFromString(text));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The literal text of a {@code duration(…)} call, if it is written in the expression. */
  static Optional<String> text(CelExpr call) {
    List<CelExpr> args = call.call().args();
    if (args.size() != 1
        || args.get(0).getKind() != CelExpr.ExprKind.Kind.CONSTANT
        || args.get(0).constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return Optional.empty();
    }
    return Optional.of(args.get(0).constant().stringValue());
  }

  /** The texts of {@code duration('…')} calls CEL cannot read, as nodes of the expression. */
  public static List<CelExpr> unreadable(CelAbstractSyntaxTree ast) {
    return AstNodes.all(ast.getExpr()).stream()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
        .filter(n -> n.call().function().equals(FUNCTION) && n.call().target().isEmpty())
        .filter(n -> text(n).flatMap(DurationLiterals::read).isEmpty() && text(n).isPresent())
        .map(n -> n.call().args().get(0))
        .toList();
  }
}
