package dev.tracepaper.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of a Java source, text blocks included, without the comments: enough of a
 * lexer for tests that check the messages the sources print.
 */
final class JavaLiterals {

  /** A literal's text (escapes left as written) and the offset of its opening quote. */
  record Literal(String text, int offset) {}

  private JavaLiterals() {}

  static List<Literal> of(String code) {
    List<Literal> literals = new ArrayList<>();
    int i = 0;
    while (i < code.length()) {
      char c = code.charAt(i);
      if (code.startsWith("//", i)) {
        i = end(code.indexOf('\n', i), code);
      } else if (code.startsWith("/*", i)) {
        i = end(code.indexOf("*/", i + 2), code) + 2;
      } else if (code.startsWith("\"\"\"", i)) {
        int close = code.indexOf("\"\"\"", i + 3);
        while (close > 0 && code.charAt(close - 1) == '\\') {
          close = code.indexOf("\"\"\"", close + 1);
        }
        close = end(close, code);
        literals.add(new Literal(code.substring(i + 3, close), i));
        i = close + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < code.length() && code.charAt(j) != c) {
          j += code.charAt(j) == '\\' ? 2 : 1;
        }
        if (c == '"') {
          literals.add(new Literal(code.substring(i + 1, Math.min(j, code.length())), i));
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }

  private static int end(int index, String code) {
    return index < 0 ? code.length() : index;
  }
}
