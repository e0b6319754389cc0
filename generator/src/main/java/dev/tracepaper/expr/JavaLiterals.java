package dev.tracepaper.expr;

import dev.tracepaper.text.Escapes;

/** Java source text for CEL constants. */
final class JavaLiterals {

  private JavaLiterals() {}

  /**
   * A Java string literal holding exactly {@code value}, as the templates write theirs ({@link
   * Escapes#javaString}); refuses text with an unpaired surrogate, which no Java source can hold.
   */
  static String string(String value) {
    return Escapes.javaString(value);
  }

  static String integer(long value) {
    if (value == Long.MIN_VALUE) {
      return "Long.MIN_VALUE";
    }
    return value < 0 ? "(" + value + "L)" : value + "L";
  }

  static String decimal(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    String text = Double.toString(value);
    return value < 0 || text.startsWith("-") ? "(" + text + ")" : text;
  }
}
