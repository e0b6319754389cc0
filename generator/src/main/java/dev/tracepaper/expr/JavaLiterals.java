package dev.tracepaper.expr;

/** Java source text for CEL constants. */
final class JavaLiterals {

  private JavaLiterals() {}

  /**
   * A Java string literal holding exactly {@code value}. Everything outside printable ASCII is
   * written as a {@code \\u} escape of its UTF-16 unit (line breaks, quotes and backslashes as
   * their short escapes, since a {@code \\u000a} would end the line before the compiler reads it).
   */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
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
