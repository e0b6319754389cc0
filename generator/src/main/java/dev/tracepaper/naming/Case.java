package dev.tracepaper.naming;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The case conversions the generator applies to model names. Each is idempotent on a name already
 * in its case, so that a model that follows the conventions keeps its names unchanged. A name
 * written entirely in capitals ({@code NO_COPIES_LEFT}) is read as lower-case words.
 */
public final class Case {

  private static final Pattern PASCAL = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern SCREAMING_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
  private static final Pattern LOWER_WORDS = Pattern.compile("[a-z][a-z0-9]*([-_][a-z0-9]+)*");
  private static final Pattern LOWER_KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private Case() {}

  /** {@code book_status} becomes {@code BookStatus}. */
  public static String pascal(String name) {
    boolean shouting = isShouting(name);
    StringBuilder out = new StringBuilder();
    for (String word : Words.split(name)) {
      out.append(capitalize(shouting ? lower(word) : word));
    }
    return out.toString();
  }

  /** {@code LendBook} becomes {@code lendBook}; a leading acronym is lowered whole. */
  public static String camel(String name) {
    boolean shouting = isShouting(name);
    List<String> words = Words.split(name);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (i == 0) {
        out.append(shouting || isAllUpper(word) ? lower(word) : decapitalize(word));
      } else {
        out.append(capitalize(shouting ? lower(word) : word));
      }
    }
    return out.toString();
  }

  /** {@code BookAvailability} becomes {@code book-availability}. */
  public static String kebab(String name) {
    return String.join("-", Words.split(name).stream().map(Case::lower).toList());
  }

  /** {@code BookStatus} becomes {@code BOOK_STATUS}. */
  public static String screamingSnake(String name) {
    return String.join(
        "_", Words.split(name).stream().map(w -> w.toUpperCase(Locale.ROOT)).toList());
  }

  public static boolean isPascal(String name) {
    return PASCAL.matcher(name).matches() && pascal(name).equals(name);
  }

  public static boolean isCamel(String name) {
    return CAMEL.matcher(name).matches() && camel(name).equals(name);
  }

  public static boolean isScreamingSnake(String name) {
    return SCREAMING_SNAKE.matcher(name).matches();
  }

  /** Lower-case words joined by {@code -} or {@code _}, as roles are written. */
  public static boolean isLowerWords(String name) {
    return LOWER_WORDS.matcher(name).matches();
  }

  /** Lower-case words joined by single hyphens: {@code my-library}. */
  public static boolean isLowerKebab(String name) {
    return LOWER_KEBAB.matcher(name).matches();
  }

  public static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  public static String decapitalize(String word) {
    return word.isEmpty() ? word : Character.toLowerCase(word.charAt(0)) + word.substring(1);
  }

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  private static boolean isShouting(String name) {
    return name.chars().noneMatch(c -> Words.isLower((char) c));
  }

  private static boolean isAllUpper(String word) {
    return word.chars().noneMatch(c -> Words.isLower((char) c));
  }
}
