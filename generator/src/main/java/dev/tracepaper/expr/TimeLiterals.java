package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.internal.DateTimeHelpers;
import dev.cel.runtime.RuntimeHelpers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * CEL's {@code duration('90m')} and {@code timestamp('2027-01-01T00:00:00Z')} with their text
 * written in the expression, read as dev.cel reads them when the expression runs.
 */
public final class TimeLiterals {

  public static final String DURATION = "duration";
  public static final String TIMESTAMP = "timestamp";

  private TimeLiterals() {}

  /** The duration a text means to CEL: {@code 90m}, {@code 1h30m}, {@code -2.5s}. */
  public static Optional<Duration> duration(String text) {
    try {
      return Optional.of(RuntimeHelpers.createJavaDurationFromString(text));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The moment an RFC 3339 text means to CEL: {@code 2027-01-01T09:00:00+01:00}. */
  public static Optional<Instant> timestamp(String text) {
    try {
      return Optional.of(DateTimeHelpers.parse(text));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The literal text of a one-argument call, if it is written in the expression. */
  static Optional<String> text(CelExpr call) {
    List<CelExpr> args = call.call().args();
    if (args.size() != 1
        || call.call().target().isPresent()
        || args.get(0).getKind() != CelExpr.ExprKind.Kind.CONSTANT
        || args.get(0).constant().getKind() != CelConstant.Kind.STRING_VALUE) {
      return Optional.empty();
    }
    return Optional.of(args.get(0).constant().stringValue());
  }

  /** A {@code duration('…')} or {@code timestamp('…')} whose text CEL cannot read. */
  public record Unreadable(String function, CelExpr text) {}

  /** The calls of the expression whose literal text CEL cannot read. */
  public static List<Unreadable> unreadable(CelAbstractSyntaxTree ast) {
    return AstNodes.all(ast.getExpr()).stream()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
        .filter(n -> !readable(n))
        .map(n -> new Unreadable(n.call().function(), n.call().args().get(0)))
        .toList();
  }

  private static boolean readable(CelExpr call) {
    Optional<String> text = text(call);
    return switch (call.call().function()) {
      case DURATION -> text.isEmpty() || duration(text.get()).isPresent();
      case TIMESTAMP -> text.isEmpty() || timestamp(text.get()).isPresent();
      default -> true;
    };
  }
}
