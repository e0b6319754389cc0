package dev.tracepaper.expr;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import java.time.Duration;
import java.util.List;

/**
 * The Java for CEL's durations: the time between two moments ({@code now - state.rentedAt}), a
 * literal ({@code duration('90m')}), a moment moved by one, comparisons and the whole hours,
 * minutes and seconds of one. A duration is a {@code java.time.Duration} in the generated code, as
 * in CEL's Java runtime; arithmetic goes through the runtime's {@code Expressions}, which checks
 * CEL's ranges, so a result CEL refuses is an exception in Java too.
 */
final class JavaDurations {

  /** The parts of a duration CEL reads, with CEL's own meaning (docs/model-reference.md). */
  static final List<String> PARTS =
      List.of("getHours", "getMinutes", "getSeconds", "getMilliseconds");

  static final String AS_NUMBER_HINT =
      "keep a duration in a `let` or a condition, and give a field its number:"
          + " `(now - state.rentedAt).getMinutes()`";

  private final JavaTranslator.Session session;
  private final String runtime;

  JavaDurations(JavaTranslator.Session session, String runtime) {
    this.session = session;
    this.runtime = runtime;
  }

  static boolean isDuration(CelType type) {
    return type.kind() == CelKind.DURATION;
  }

  /** Whether a value of {@code type} is or holds a duration. */
  static boolean holdsDuration(CelType type) {
    return isDuration(type) || (type instanceof ListType list && holdsDuration(list.elemType()));
  }

  /** Whether {@code a op b} is duration arithmetic: it gives or takes a duration. */
  boolean isArithmetic(CelExpr node, List<CelExpr> args) {
    return isDuration(session.type(node))
        || isDuration(session.type(args.get(0)))
        || isDuration(session.type(args.get(1)));
  }

  /**
   * {@code moment - moment}, {@code moment ± duration}, {@code duration + moment} and {@code
   * duration ± duration}.
   */
  String arithmetic(CelExpr node, String function, List<CelExpr> args) {
    String helper =
        switch (function) {
          case "_+_" -> "plus";
          case "_-_" -> "minus";
          default ->
              throw new Untranslatable(
                  node,
                  "`" + function.charAt(1) + "` on a duration",
                  "add or subtract durations and moments; compare a duration's"
                      + " `getMinutes()` for anything else");
        };
    CelExpr first = args.get(0);
    CelExpr second = args.get(1);
    if (helper.equals("plus")
        && isDuration(session.type(first))
        && !isDuration(session.type(second))) {
      // duration + moment: the runtime takes the moment first, as it does for moment + duration
      CelExpr moment = second;
      second = first;
      first = moment;
    }
    return runtime + "." + helper + "(" + session.java(first) + ", " + session.java(second) + ")";
  }

  /** {@code a < b} and the others: Duration is Comparable. */
  String order(String operator, String a, String b) {
    return "(" + a + ".compareTo(" + b + ") " + operator + " 0)";
  }

  /**
   * {@code duration('90m')}: CEL's text read now, so the Java holds the duration it means. A text
   * CEL cannot read is InvalidTimeLiteral's to report.
   */
  String literal(CelExpr node) {
    Duration duration =
        TimeLiterals.text(node)
            .flatMap(TimeLiterals::duration)
            .orElseThrow(
                () ->
                    new Untranslatable(
                        node,
                        "`duration()` of a computed text",
                        "write the duration as a literal text, `duration('90m')`, and compute"
                            + " with it"));
    session.use("java.time.Duration");
    return of(duration);
  }

  /** The most readable factory for {@code duration}: whole hours as hours, and so on. */
  static String of(Duration duration) {
    if (duration.isZero()) {
      return "Duration.ZERO";
    }
    if (duration.getNano() == 0) {
      long seconds = duration.getSeconds();
      if (seconds % 3600 == 0) {
        return "Duration.ofHours(" + number(seconds / 3600) + ")";
      }
      if (seconds % 60 == 0) {
        return "Duration.ofMinutes(" + number(seconds / 60) + ")";
      }
      return "Duration.ofSeconds(" + number(seconds) + ")";
    }
    if (duration.getNano() % 1_000_000 == 0) {
      return "Duration.ofMillis(" + number(duration.toMillis()) + ")";
    }
    return "Duration.ofSeconds("
        + number(duration.getSeconds())
        + ", "
        + number(duration.getNano())
        + ")";
  }

  /** A whole number as a duration's factory takes it: {@code 90}, not {@code 90L}. */
  private static String number(long value) {
    boolean small = value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
    return small ? Long.toString(value) : value + "L";
  }

  /**
   * A part of a duration as CEL's Java runtime reads it: whole hours and minutes as {@code
   * toHours}/{@code toMinutes}, whole seconds rounded towards zero, and the milliseconds within the
   * second.
   */
  String part(String function, CelExpr duration) {
    String code = session.java(duration);
    return switch (function) {
      case "getHours" -> code + ".toHours()";
      case "getMinutes" -> code + ".toMinutes()";
      case "getSeconds" -> runtime + ".getSeconds(" + code + ")";
      default -> "(" + code + ".toMillis() % 1000L)";
    };
  }
}
