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

  /** The SHA-256 digest of the text's UTF-8 bytes, as 64 lower-case hexadecimal digits. */
  public static String sha256(String text) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The CRC-32 (as zlib and ZIP compute it) of the text's UTF-8 bytes: 0 to 4294967295. */
  public static long crc32(String text) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static final long FIRST_SECOND = -62135596800L; // 0001-01-01T00:00:00Z
  private static final long LAST_SECOND = 253402300799L; // 9999-12-31T23:59:59Z

  /** CEL's {@code timestamp(int)}: the moment that many seconds after 1970, in years 1 to 9999. */
  public static java.time.Instant timestamp(long epochSeconds) {
    if (!inCelYears(epochSeconds)) {
      throw new java.time.DateTimeException(
          "timestamp(" + epochSeconds + ") is outside the years 1 to 9999");
    }
    return java.time.Instant.ofEpochSecond(epochSeconds);
  }

  /**
   * CEL's {@code a - b} of two moments: the duration between them. Like CEL's Java runtime, a
   * difference of more than about 292 years (a long of nanoseconds) is an error.
   */
  public static java.time.Duration minus(java.time.Instant a, java.time.Instant b) {
    java.time.Duration between = java.time.Duration.between(b, a);
    between.toNanos(); // throws ArithmeticException where CEL reports an overflow
    return between;
  }

  /** CEL's {@code moment + duration}: an error outside the years 1 to 9999. */
  public static java.time.Instant plus(java.time.Instant moment, java.time.Duration duration) {
    return checked(moment.plus(duration));
  }

  /** CEL's {@code moment - duration}: an error outside the years 1 to 9999. */
  public static java.time.Instant minus(java.time.Instant moment, java.time.Duration duration) {
    return checked(moment.minus(duration));
  }

  /** CEL's {@code a + b} of two durations: an error past 10,000 years either way. */
  public static java.time.Duration plus(java.time.Duration a, java.time.Duration b) {
    return checked(a.plus(b));
  }

  /** CEL's {@code a - b} of two durations: an error past 10,000 years either way. */
  public static java.time.Duration minus(java.time.Duration a, java.time.Duration b) {
    return checked(a.minus(b));
  }

  /** CEL's {@code getSeconds()} of a duration: its whole seconds, rounded towards zero. */
  public static long getSeconds(java.time.Duration duration) {
    long seconds = duration.getSeconds();
    return duration.isNegative() && duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static java.time.Instant checked(java.time.Instant moment) {
    if (!inCelYears(moment.getEpochSecond())) {
      throw new java.time.DateTimeException(moment + " is outside the years 1 to 9999");
    }
    return moment;
  }

  /** Whether the second since 1970 lies in the years 1 to 9999, CEL's range of moments. */
  private static boolean inCelYears(long epochSecond) {
    return epochSecond >= FIRST_SECOND && epochSecond <= LAST_SECOND;
  }

  private static final long DURATION_SECONDS = 315_576_000_000L; // 10,000 years

  /**
   * The durations CEL's Java runtime (dev.cel 0.14) accepts as a result of arithmetic: at most
   * 10,000 years either way, and, as it reads a {@code java.time.Duration}'s parts like a protobuf
   * Duration's, none that is negative with a fraction of a second ({@code -1.5s} is {@code -2}
   * seconds and {@code +0.5}). Refused here too, so the deployed code decides as {@code tracepaper
   * test} does.
   */
  private static java.time.Duration checked(java.time.Duration duration) {
    long seconds = duration.getSeconds();
    int nanos = duration.getNano();
    boolean inRange = seconds >= -DURATION_SECONDS && seconds <= DURATION_SECONDS;
    if (!inRange || (seconds < 0 && nanos > 0)) {
      throw new ArithmeticException("the duration " + duration + " is out of CEL's range");
    }
    return duration;
  }

  /** CEL's {@code getFullYear(zone)}: the year of {@code time} in {@code zone}. */
  public static long getFullYear(java.time.Instant time, String zone) {
    return at(time, zone).getYear();
  }

  /** CEL's {@code getMonth(zone)}: the month, January being 0. */
  public static long getMonth(java.time.Instant time, String zone) {
    return at(time, zone).getMonthValue() - 1;
  }

  /** CEL's {@code getDayOfYear(zone)}: the day of the year, 1 January being 0. */
  public static long getDayOfYear(java.time.Instant time, String zone) {
    return at(time, zone).getDayOfYear() - 1;
  }

  /** CEL's {@code getDayOfMonth(zone)}: the day of the month, the first being 0. */
  public static long getDayOfMonth(java.time.Instant time, String zone) {
    return at(time, zone).getDayOfMonth() - 1;
  }

  /** CEL's {@code getDate(zone)}: the day of the month, the first being 1. */
  public static long getDate(java.time.Instant time, String zone) {
    return at(time, zone).getDayOfMonth();
  }

  /** CEL's {@code getDayOfWeek(zone)}: Sunday being 0. */
  public static long getDayOfWeek(java.time.Instant time, String zone) {
    return at(time, zone).getDayOfWeek().getValue() % 7;
  }

  /** CEL's {@code getHours(zone)}. */
  public static long getHours(java.time.Instant time, String zone) {
    return at(time, zone).getHour();
  }

  /** CEL's {@code getMinutes(zone)}. */
  public static long getMinutes(java.time.Instant time, String zone) {
    return at(time, zone).getMinute();
  }

  /** CEL's {@code getSeconds(zone)}. */
  public static long getSeconds(java.time.Instant time, String zone) {
    return at(time, zone).getSecond();
  }

  /** CEL's {@code getMilliseconds(zone)}. */
  public static long getMilliseconds(java.time.Instant time, String zone) {
    return at(time, zone).getNano() / 1_000_000;
  }

  /**
   * {@code time} in {@code zone}: an IANA name ({@code Europe/Amsterdam}), {@code UTC}, or an
   * offset ({@code +01:00}), as CEL reads a time zone.
   */
  private static java.time.ZonedDateTime at(java.time.Instant time, String zone) {
    return time.atZone(java.time.ZoneId.of(zone));
  }

  /**
   * The moment as text in UTC, after a pattern of {@code yyyy} (year), {@code MM} (month), {@code
   * dd} (day), {@code HH} (hour, 00 to 23), {@code mm} (minute), {@code ss} (second) and {@code
   * SSS} (millisecond), each a number padded with zeros. Text in single quotes is copied ({@code
   * ''} is a quote); other characters that are not ASCII letters are copied as they are. Any other
   * run of letters is an error, so a pattern means the same wherever it runs.
   */
  public static String formatTime(java.time.Instant time, String pattern) {
    java.time.ZonedDateTime at = time.atZone(java.time.ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(pattern.length() + 8);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        i = quoted(pattern, i + 1, out);
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == c) {
          end++;
        }
        String token = pattern.substring(i, end);
        switch (token) {
          case "yyyy" -> pad(out, at.getYear(), 4);
          case "MM" -> pad(out, at.getMonthValue(), 2);
          case "dd" -> pad(out, at.getDayOfMonth(), 2);
          case "HH" -> pad(out, at.getHour(), 2);
          case "mm" -> pad(out, at.getMinute(), 2);
          case "ss" -> pad(out, at.getSecond(), 2);
          case "SSS" -> pad(out, at.getNano() / 1_000_000, 3);
          default ->
              throw new IllegalArgumentException(
                  "`"
                      + token
                      + "` in the time pattern `"
                      + pattern
                      + "` is none of yyyy, MM, dd,"
                      + " HH, mm, ss and SSS; quote text: 'at'");
        }
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Copies quoted text from {@code from} (after its quote); returns where the pattern goes on. */
  private static int quoted(String pattern, int from, StringBuilder out) {
    if (from < pattern.length() && pattern.charAt(from) == '\'') {
      out.append('\'');
      return from + 1;
    }
    int i = from;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c != '\'') {
        out.append(c);
        i++;
      } else if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
        out.append('\'');
        i += 2;
      } else {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("the time pattern `" + pattern + "` has an unclosed quote");
  }

  private static void pad(StringBuilder out, int value, int digits) {
    String text = Integer.toString(value);
    for (int n = text.length(); n < digits; n++) {
      out.append('0');
    }
    out.append(text);
  }
}
