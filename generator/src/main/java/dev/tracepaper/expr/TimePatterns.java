package dev.tracepaper.expr;

import java.util.Optional;
import java.util.Set;

/**
 * The patterns of {@code formatTime(DateTime, pattern)}, as the runtime's {@code
 * Expressions.formatTime} reads them: letters form the fields {@code yyyy MM dd HH mm ss SSS}, text
 * in single quotes is copied ({@code ''} is a quote), and every other character is copied as it is.
 * Checked when the model is validated, so that a literal pattern never fails at run time.
 */
public final class TimePatterns {

  /** The fields, each a number padded with zeros; every one means the same in every language. */
  public static final Set<String> FIELDS = Set.of("yyyy", "MM", "dd", "HH", "mm", "ss", "SSS");

  private TimePatterns() {}

  /** What is wrong with {@code pattern}, in the modeller's words; empty when it is valid. */
  public static Optional<String> problem(String pattern) {
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int close = closingQuote(pattern, i + 1);
        if (close < 0) {
          return Optional.of("the quote at position " + (i + 1) + " is never closed");
        }
        i = close + 1;
      } else if (isLetter(c)) {
        int end = i;
        while (end < pattern.length() && pattern.charAt(end) == c) {
          end++;
        }
        String field = pattern.substring(i, end);
        if (!FIELDS.contains(field)) {
          return Optional.of("`" + field + "` is not one of its fields");
        }
        i = end;
      } else {
        i++;
      }
    }
    return Optional.empty();
  }

  /** The index of the quote that closes quoted text starting at {@code from}, or -1. */
  private static int closingQuote(String pattern, int from) {
    if (from < pattern.length() && pattern.charAt(from) == '\'') {
      return from; // '' outside quoted text: a quote
    }
    int i = from;
    while (i < pattern.length()) {
      if (pattern.charAt(i) == '\'') {
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        return i;
      }
      i++;
    }
    return -1;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
