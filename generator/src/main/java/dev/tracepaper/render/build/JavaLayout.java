package dev.tracepaper.render.build;

import java.util.List;

/**
 * Lays out generated calls as google-java-format would: on one line when it fits, else one argument
 * per line, indented four spaces more than the line the call starts on.
 */
final class JavaLayout {

  /** The column generated code should stay within. */
  static final int WIDTH = 100;

  private JavaLayout() {}

  /**
   * @param callee what comes before the parenthesis ({@code new BookLent}, {@code Entities.upsert})
   * @param indent the indentation of the line the call starts on
   * @param suffix what follows the call on its last line ({@code ","}, {@code ");"}), for the width
   */
  static String call(String callee, List<String> arguments, int indent, String suffix) {
    String flat = callee + "(" + String.join(", ", arguments) + ")";
    if (indent + flat.length() + suffix.length() <= WIDTH || arguments.isEmpty()) {
      return flat;
    }
    String inner = "\n" + " ".repeat(indent + 4);
    return callee + "(" + inner + String.join("," + inner, arguments) + ")";
  }
}
