package dev.tracepaper.extend;

import java.util.Arrays;

/**
 * A text with its line starts indexed, to turn the positions parsers report (1-based line, column
 * in code points) into offsets of the string, and to cut and indent whole lines.
 */
final class Text {

  private final String text;
  private final int[] lineStarts;

  Text(String text) {
    this.text = text;
    int[] starts = new int[64];
    int count = 0;
    starts[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    lineStarts = Arrays.copyOf(starts, count);
  }

  String text() {
    return text;
  }

  /** The number of lines; a text ending in a line break has an empty last line. */
  int lines() {
    return lineStarts.length;
  }

  /** The offset where 1-based {@code line} starts; one past the last line is the text's end. */
  int lineStart(int line) {
    return line > lineStarts.length ? text.length() : lineStarts[line - 1];
  }

  /** The 1-based line without its line break. */
  String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, end);
  }

  /** The offset of 1-based {@code line} and {@code column}, the column counted in code points. */
  int offset(int line, int column) {
    int start = lineStart(line);
    return text.offsetByCodePoints(start, Math.max(0, column - 1));
  }

  /** The 1-based line that holds {@code offset}. */
  int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }

  /** The 1-based column, in code points, of {@code offset}. */
  int columnOf(int offset) {
    int start = lineStarts[lineOf(offset) - 1];
    return text.codePointCount(start, offset) + 1;
  }

  /** Whether the line is empty or holds only spaces. */
  boolean isBlank(int line) {
    return line(line).isBlank();
  }

  /** Whether the line holds only a comment. */
  boolean isComment(int line) {
    return line(line).stripLeading().startsWith("#");
  }

  /** The number of spaces that start the line. */
  int indentOf(int line) {
    String s = line(line);
    int n = 0;
    while (n < s.length() && s.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
