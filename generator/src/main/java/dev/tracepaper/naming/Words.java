package dev.tracepaper.naming;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a name into its words, whatever case it is written in: {@code BookAvailability}, {@code
 * bookAvailability}, {@code book_availability}, {@code book-availability} and {@code
 * BOOK_AVAILABILITY} all give {@code Book}/{@code book} and {@code Availability}/{@code
 * availability}. An acronym stays one word ({@code URLShortened} is {@code URL}, {@code
 * Shortened}); digits stay with the word before them ({@code address2}).
 */
public final class Words {

  private Words() {}

  public static List<String> split(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetterOrDigit(c)) {
        flush(current, words);
        continue;
      }
      if (current.length() > 0 && startsWord(name, i)) {
        flush(current, words);
      }
      current.append(c);
    }
    flush(current, words);
    return List.copyOf(words);
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean startsWord(String name, int i) {
    char c = name.charAt(i);
    char previous = name.charAt(i - 1);
    if (!isUpper(c)) {
      return false;
    }
    if (isLower(previous) || Character.isDigit(previous)) {
      return true;
    }
    // The last capital of an acronym begins the next word: URLShortened is URL + Shortened.
    return isUpper(previous) && i + 1 < name.length() && isLower(name.charAt(i + 1));
  }

  private static void flush(StringBuilder current, List<String> words) {
    if (current.length() > 0) {
      words.add(current.toString());
      current.setLength(0);
    }
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
