package dev.tracepaper.validate.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the constructs of a Java regular expression that JavaScript (the AppSync resolvers) does
 * not have or reads differently, so that a pattern checks the same thing on both sides.
 */
final class JavaOnlyRegex {

  /** One construct: where it starts, how it is written, why it differs, and what to write. */
  record Finding(int offset, String construct, String why, String fix) {}

  private static final String LACKS = "which JavaScript regular expressions lack";
  private static final Pattern BOUNDED = Pattern.compile("\\{\\d+(,\\d*)?\\}");
  private static final Pattern FLAGS = Pattern.compile("\\(\\?[a-zA-Z]*(-[a-zA-Z]*)?[:)]");
  private static final Pattern PROPERTY = Pattern.compile("\\\\[pP](\\{([^}]*)\\}|.)");
  private static final Set<String> POSIX =
      Set.of(
          "Lower", "Upper", "ASCII", "Alpha", "Digit", "Alnum", "Punct", "Graph", "Print", "Blank",
          "Cntrl", "XDigit", "Space");

  private final String regex;
  private final List<Finding> findings = new ArrayList<>();
  private int classDepth;

  private JavaOnlyRegex(String regex) {
    this.regex = regex;
  }

  static List<Finding> scan(String regex) {
    JavaOnlyRegex scanner = new JavaOnlyRegex(regex);
    int i = 0;
    while (i < regex.length()) {
      i = scanner.step(i);
    }
    return scanner.findings;
  }

  /** Reads the construct at {@code i}; returns where the next one starts. */
  private int step(int i) {
    char c = regex.charAt(i);
    if (c == '\\') {
      return escape(i);
    }
    if (classDepth > 0) {
      return inClass(i, c);
    }
    if (c == '[') {
      return openClass(i);
    }
    if (c == '(' && regex.startsWith("(?", i)) {
      return group(i);
    }
    if (c == '*' || c == '+' || c == '?') {
      return possessive(i, i + 1);
    }
    if (c == '{') {
      Matcher bounded = BOUNDED.matcher(regex).region(i, regex.length());
      if (bounded.lookingAt()) {
        return possessive(i, bounded.end());
      }
    }
    return i + 1;
  }

  private int possessive(int start, int end) {
    if (end < regex.length() && regex.charAt(end) == '+') {
      add(
          start,
          regex.substring(start, end + 1),
          "a possessive quantifier, " + LACKS,
          "write `%s` (a greedy quantifier) instead".formatted(regex.substring(start, end)));
      return end + 1;
    }
    return end;
  }

  private int openClass(int i) {
    classDepth = 1;
    int next = i + 1;
    if (next < regex.length() && regex.charAt(next) == '^') {
      next++;
    }
    if (next < regex.length() && regex.charAt(next) == ']') {
      add(
          next,
          "[]",
          "a `]` right after `[`: Java reads it as a character, JavaScript as an empty class",
          "escape it as `\\]`");
      next++;
    }
    return next;
  }

  private int inClass(int i, char c) {
    if (c == '[') {
      add(i, "[", "a class inside a class, " + LACKS, "list all the characters in one class");
      classDepth++;
    } else if (c == ']') {
      classDepth--;
    } else if (regex.startsWith("&&", i)) {
      add(i, "&&", "a class intersection, " + LACKS, "list the characters wanted in one class");
      return i + 2;
    }
    return i + 1;
  }

  private int group(int i) {
    if (regex.startsWith("(?>", i)) {
      add(i, "(?>", "an atomic group, " + LACKS, "use a plain group `(?:…)`");
      return i + 3;
    }
    Matcher flags = FLAGS.matcher(regex).region(i, regex.length());
    if (flags.lookingAt() && flags.end() - i > 3) {
      add(
          i,
          flags.group(),
          "inline flags, " + LACKS,
          "spell the cases out instead, such as `[Aa]` for `(?i)a`");
      return flags.end();
    }
    return i + 2;
  }

  private int escape(int i) {
    if (i + 1 >= regex.length()) {
      return i + 1;
    }
    char kind = regex.charAt(i + 1);
    String escape = regex.substring(i, i + 2);
    switch (kind) {
      case 'A' -> add(i, escape, "start of input, " + LACKS, "use `^`");
      case 'Z', 'z' -> add(i, escape, "end of input, " + LACKS, "use `$`");
      case 'G' -> add(i, escape, "the end of the previous match, " + LACKS, "remove it");
      case 'h', 'H', 'R', 'X' ->
          add(
              i,
              escape,
              "a Java character class, " + LACKS,
              "list the characters meant in a class `[…]`");
      case 'v' ->
          add(
              i,
              escape,
              "which is any vertical whitespace in Java but only a vertical tab in JavaScript",
              "list the characters meant, such as `[\\n\\r\\f]`");
      case 'e', 'a', '0' ->
          add(i, escape, "an escape " + LACKS, "write the character's code as `\\xhh`");
      case 'Q' -> {
        int end = regex.indexOf("\\E", i + 2);
        add(i, "\\Q…\\E", "quoting, " + LACKS, "escape each special character with `\\`");
        return end < 0 ? regex.length() : end + 2;
      }
      case 'x', 'N' -> {
        if (regex.startsWith("{", i + 2)) {
          add(i, escape + "{…}", "an escape " + LACKS, "write the character's code as `\\uhhhh`");
        }
      }
      case 'p', 'P' -> {
        return property(i);
      }
      default -> {
        // portable
      }
    }
    return i + 2;
  }

  private int property(int i) {
    Matcher m = PROPERTY.matcher(regex).region(i, regex.length());
    if (!m.lookingAt()) {
      return i + 2;
    }
    String name = m.group(2) == null ? m.group(1) : m.group(2);
    boolean javaOnly =
        m.group(2) == null
            || POSIX.contains(name)
            || name.startsWith("java")
            || name.startsWith("Is")
            || name.startsWith("In");
    add(
        i,
        m.group(),
        javaOnly
            ? "a Java character property, " + LACKS
            : "a character property, which JavaScript reads only with the `u` flag",
        "list the characters meant in a class `[…]`");
    return m.end();
  }

  private void add(int offset, String construct, String why, String fix) {
    if (findings.stream().noneMatch(f -> f.construct().equals(construct))) {
      findings.add(new Finding(offset, construct, why, fix));
    }
  }
}
