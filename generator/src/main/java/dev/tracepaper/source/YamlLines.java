package dev.tracepaper.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a model file as a person reads them: indentation, the key a line starts with and the
 * value after it. Used only to explain a YAML syntax error, so it is a line-by-line reading, not a
 * second parser.
 */
final class YamlLines {

  /** {@code key: value} or {@code key:}, after the indentation and an optional {@code - }. */
  private static final Pattern KEY_LINE =
      Pattern.compile(
          "^(?<key>[^\\s:#'\"\\[\\]{}|>&*!%@`,?-][^:#]*?|-[^\\s:#][^:#]*?)\\s*:(?:[ \\t]+(?<value>.*))?$");

  /** One line: its 1-based number, indentation, and key and value when it reads as a key line. */
  record Line(int number, String text, int indent, int dash, Optional<String> key, String value) {

    /** Where the line's content starts: its {@code -} for a list item, else its key or text. */
    int start() {
      return dash >= 0 ? dash : indent;
    }

    String content() {
      return text.substring(Math.min(indent, text.length()));
    }

    boolean hasValue() {
      return !value.isEmpty() && !value.startsWith("#");
    }

    /** The column (1-based) where the key, or the content, starts. */
    int column() {
      return indent + 1;
    }

    /** How the line names itself in a message: its key, or its text when it has none. */
    String name() {
      return key.orElse(text.substring(Math.min(start(), text.length())).strip());
    }
  }

  private final List<String> lines;

  YamlLines(String text) {
    this.lines = List.of(text.split("\r?\n", -1));
  }

  int count() {
    return lines.size();
  }

  /** The 1-based line, read; a number beyond the end gives an empty line. */
  Line line(int number) {
    String text = number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    String content = text.substring(indent);
    int keyStart = indent;
    int dash = -1;
    if (content.startsWith("- ")) {
      dash = indent;
      keyStart += 2;
      while (keyStart < text.length() && text.charAt(keyStart) == ' ') {
        keyStart++;
      }
      content = text.substring(keyStart);
    }
    Matcher m = KEY_LINE.matcher(content);
    if (m.matches()) {
      String value = m.group("value") == null ? "" : m.group("value").strip();
      return new Line(number, text, keyStart, dash, Optional.of(m.group("key").strip()), value);
    }
    return new Line(number, text, keyStart, dash, Optional.empty(), "");
  }

  /** Blank lines and comment lines say nothing about the structure. */
  static boolean significant(Line line) {
    String content = line.content().strip();
    return !content.isEmpty() && !content.startsWith("#");
  }

  /** The nearest significant line above {@code number}. */
  Optional<Line> above(int number) {
    for (int n = number - 1; n >= 1; n--) {
      Line line = line(n);
      if (significant(line)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** A column where keys (or the {@code -} of list items) start, and the line that opened it. */
  record Level(Line line, int indent, boolean dash) {

    /** How a message names it: "`name` on line 4", "the `-` on line 4". */
    String describe() {
      return (dash ? "the `-`" : "`" + line.name() + "`") + " on line " + line.number();
    }
  }

  /**
   * The indentation levels open just above line {@code number}, nearest first: the line above, then
   * each line further up that is indented less than the one found before it. A list item with a key
   * opens two: its key's column and its {@code -}'s.
   */
  List<Level> openLevels(int number) {
    List<Level> levels = new ArrayList<>();
    int last = Integer.MAX_VALUE;
    for (int n = number - 1; n >= 1 && last > 0; n--) {
      Line line = line(n);
      if (!significant(line)) {
        continue;
      }
      if (line.indent() < last) {
        levels.add(new Level(line, line.indent(), false));
        last = line.indent();
      }
      if (line.dash() >= 0 && line.dash() < last) {
        levels.add(new Level(line, line.dash(), true));
        last = line.dash();
      }
    }
    return levels;
  }

  /**
   * The value written as a quoted YAML text: in double quotes unless it holds a double quote or a
   * backslash, then in single quotes (where a quote is written twice).
   */
  static String quoted(String value) {
    if (value.indexOf('"') < 0 && value.indexOf('\\') < 0) {
      return '"' + value + '"';
    }
    return "'" + value.replace("'", "''") + "'";
  }

  /** The line with its value put in quotes, as the hint shows it. */
  static String withQuotedValue(Line line) {
    String value = line.value();
    int at = line.text().lastIndexOf(value);
    return (line.text().substring(0, at) + quoted(value)).strip();
  }

  /** A quoted value that does not close on its own line, or empty. */
  static Optional<Character> unclosedQuote(Line line) {
    String value = line.value();
    if (value.isEmpty() || (value.charAt(0) != '"' && value.charAt(0) != '\'')) {
      return Optional.empty();
    }
    char quote = value.charAt(0);
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < value.length() && value.charAt(i + 1) == '\'') {
          i++;
        } else {
          return Optional.empty();
        }
      }
    }
    return Optional.of(quote);
  }
}
