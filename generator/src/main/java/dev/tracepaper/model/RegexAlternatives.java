package dev.tracepaper.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of a regex's structure for splicing: where its top-level alternatives are, whether
 * one starts or ends with an anchor, and whether a quantifier follows a position. Escapes,
 * character classes, groups and splices are skipped over, so a {@code |} or {@code $} inside them
 * does not count.
 */
final class RegexAlternatives {

  private RegexAlternatives() {}

  /** The top-level alternatives of {@code regex}, as {@code [start, end)} offsets, in order. */
  static List<int[]> of(String regex, List<PatternResolver.Splice> splices) {
    List<int[]> alternatives = new ArrayList<>();
    int depth = 0;
    int from = 0;
    int next = 0; // the next splice, in order of position
    int i = 0;
    while (i < regex.length()) {
      if (next < splices.size() && splices.get(next).start() == i) {
        i = splices.get(next++).end();
        continue;
      }
      while (next < splices.size() && splices.get(next).start() < i) {
        next++;
      }
      char c = regex.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '[') {
        i = afterClass(regex, i);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == '|' && depth == 0) {
        alternatives.add(new int[] {from, i});
        from = i + 1;
      }
      i++;
    }
    alternatives.add(new int[] {from, regex.length()});
    return alternatives;
  }

  /** The offset after the character class that starts at {@code open}. */
  private static int afterClass(String regex, int open) {
    int i = open + 1;
    if (i < regex.length() && regex.charAt(i) == '^') {
      i++;
    }
    if (i < regex.length() && regex.charAt(i) == ']') {
      i++; // a `]` first in a class is a literal one (in Java)
    }
    while (i < regex.length() && regex.charAt(i) != ']') {
      i += regex.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(regex.length(), i + 1);
  }

  static boolean startsWithAnchor(String regex, int start, int end) {
    return start < end && regex.charAt(start) == '^';
  }

  /** Whether the alternative ends with a {@code $} that is not escaped. */
  static boolean endsWithAnchor(String regex, int start, int end) {
    int from = startsWithAnchor(regex, start, end) ? start + 1 : start;
    if (end <= from || regex.charAt(end - 1) != '$') {
      return false;
    }
    int backslashes = 0;
    for (int i = end - 2; i >= from && regex.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }

  /** Whether a quantifier ({@code * + ?} or {@code {n…}}) follows at {@code at}. */
  static boolean quantified(String regex, int at) {
    if (at >= regex.length()) {
      return false;
    }
    char c = regex.charAt(at);
    return c == '*'
        || c == '+'
        || c == '?'
        || (c == '{' && at + 1 < regex.length() && Character.isDigit(regex.charAt(at + 1)));
  }
}
