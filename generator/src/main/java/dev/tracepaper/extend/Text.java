package dev.tracepaper.extend;

import dev.tracepaper.source.LineIndex;

/**
 * A text with its line starts indexed, to turn the positions parsers report (1-based line, column
 * in code points) into offsets of the string, and to cut and indent whole lines.
 */
final class Text {

  private final String text;
  private final LineIndex lines;

  Text(String text) {
    this.text = text;
    this.lines = new LineIndex(text);
  }

  String text() {
    return text;
  }

  /** The number of lines; a text ending in a line break has an empty last line. */
  int lines() {
    return lines.count();
  }

  /** The offset where 1-based {@code line} starts; one past the last line is the text's end. */
  int lineStart(int line) {
    return lines.start(line);
  }

  /** The 1-based line without its line break. */
  String line(int line) {
    return lines.line(line);
  }

  /** The offset of 1-based {@code line} and {@code column}, the column counted in code points. */
  int offset(int line, int column) {
    int start = lineStart(line);
    return text.offsetByCodePoints(start, Math.max(0, column - 1));
  }

  /** The 1-based line that holds {@code offset}. */
  int lineOf(int offset) {
    return lines.lineOf(offset);
  }

  /** The 1-based column, in code points, of {@code offset}. */
  int columnOf(int offset) {
    int start = lines.start(lineOf(offset));
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
