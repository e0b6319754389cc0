package dev.tracepaper.runtime;

/**
 * What translated model expressions need beyond the JDK: CEL's string functions count code points
 * and change ASCII letters only, which the JDK's methods do not.
 */
public final class Expressions {

  private Expressions() {}

  public static String uuid() {
    return java.util.UUID.randomUUID().toString();
  }

  /** An enum value's name, as CEL reads enums; {@code null} for a field with no value. */
  public static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  public static long size(String text) {
    return text.codePointCount(0, text.length());
  }

  public static String lowerAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }

  public static String upperAscii(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c);
    }
    return out.toString();
  }

  public static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && isSpace(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean isSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
  }

  /** An empty {@code part} goes between code points, never inside a surrogate pair. */
  public static String replace(String text, String part, String with) {
    if (!part.isEmpty()) {
      return text.replace(part, with);
    }
    StringBuilder out = new StringBuilder(with);
    text.codePoints().forEach(c -> out.appendCodePoint(c).append(with));
    return out.toString();
  }

  public static java.util.List<String> split(String text, String separator) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    if (separator.isEmpty()) {
      text.codePoints().forEach(c -> parts.add(new String(Character.toChars(c))));
      return java.util.List.copyOf(parts);
    }
    int from = 0;
    for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, from)) {
      parts.add(text.substring(from, at));
      from = at + separator.length();
    }
    parts.add(text.substring(from));
    return java.util.List.copyOf(parts);
  }

  public static String charAt(String text, long index) {
    long size = size(text);
    if (index < 0 || index > size) {
      throw new IndexOutOfBoundsException("index " + index + " out of range");
    }
    if (index == size) {
      return "";
    }
    int at = text.offsetByCodePoints(0, (int) index);
    return new String(Character.toChars(text.codePointAt(at)));
  }

  public static String substring(String text, long start) {
    return substring(text, start, size(text));
  }

  public static String substring(String text, long start, long end) {
    if (start < 0 || end > size(text) || start > end) {
      throw new IndexOutOfBoundsException("substring " + start + ".." + end + " out of range");
    }
    return text.substring(
        text.offsetByCodePoints(0, (int) start), text.offsetByCodePoints(0, (int) end));
  }

  public static long indexOf(String text, String part) {
    return indexOf(text, part, 0);
  }

  public static long indexOf(String text, String part, long from) {
    if (part.isEmpty()) {
      return from;
    }
    if (from < 0 || from >= size(text)) {
      throw new IndexOutOfBoundsException("index " + from + " out of range");
    }
    int at = text.indexOf(part, text.offsetByCodePoints(0, (int) from));
    return at < 0 ? -1 : text.codePointCount(0, at);
  }

  public static long lastIndexOf(String text, String part) {
    int at = text.lastIndexOf(part);
    return at < 0 ? -1 : text.codePointCount(0, at);
  }

  /** CEL's {@code int(double)}: towards zero, and an error where a long cannot hold the value. */
  public static long toInt(double value) {
    if (Double.isNaN(value) || value <= -0x1p63 || value >= 0x1p63) {
      throw new ArithmeticException("int(" + value + ") is out of range");
    }
    return (long) value;
  }

  /** CEL's {@code /} on Ints: the one quotient a long cannot hold is an error. */
  public static long divide(long dividend, long divisor) {
    if (dividend == Long.MIN_VALUE && divisor == -1) {
      throw new ArithmeticException("integer overflow");
    }
    return dividend / divisor;
  }
}
