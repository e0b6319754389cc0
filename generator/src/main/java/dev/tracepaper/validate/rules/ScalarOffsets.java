package dev.tracepaper.validate.rules;

import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * Finds where a character inside a scalar is written, from the file's text: the model keeps only
 * where a scalar starts. Plain, single-quoted and double-quoted scalars on one line are followed
 * through their escapes; for anything else (block scalars, values over several lines) the scalar's
 * start is the best place there is.
 */
final class ScalarOffsets {

  private ScalarOffsets() {}

  static SourceLocation locate(
      List<SourceFile> sources, SourceLocation start, String value, int offset) {
    if (offset < 0 || value.indexOf('\n') >= 0 || start.line() <= 0 || start.column() <= 0) {
      return start;
    }
    String line =
        sources.stream()
            .filter(s -> s.path().equals(start.file()))
            .findFirst()
            .map(s -> s.line(start.line()))
            .orElse("");
    int column = start.column() - 1;
    if (column >= line.length()) {
      return start;
    }
    int index =
        switch (line.charAt(column)) {
          case '\'' -> singleQuoted(line, column + 1, offset);
          case '"' -> doubleQuoted(line, column + 1, offset);
          case '|', '>' -> -1;
          default -> line.startsWith(value, column) ? column + offset : -1;
        };
    return index < 0 || index >= line.length()
        ? start
        : SourceLocation.of(start.file(), start.line(), index + 1);
  }

  private static int singleQuoted(String line, int at, int offset) {
    int i = at;
    for (int n = 0; n < offset && i < line.length(); n++) {
      i += line.startsWith("''", i) ? 2 : 1;
    }
    return i;
  }

  private static int doubleQuoted(String line, int at, int offset) {
    int i = at;
    for (int n = 0; n < offset && i < line.length(); n++) {
      i += line.charAt(i) == '\\' && i + 1 < line.length() ? escapeLength(line.charAt(i + 1)) : 1;
    }
    return i;
  }

  private static int escapeLength(char kind) {
    return switch (kind) {
      case 'x' -> 4;
      case 'u' -> 6;
      case 'U' -> 10;
      default -> 2;
    };
  }
}
