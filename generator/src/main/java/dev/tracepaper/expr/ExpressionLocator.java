package dev.tracepaper.expr;

import dev.tracepaper.model.Expression;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds where a character of an expression stands in its YAML file, also through quotes, escapes
 * ({@code ''}, {@code \"}, {@code \u00e9}), folded lines and block scalars: it walks the file's
 * text alongside the scalar's value. Where the two cannot be aligned it falls back to {@link
 * Expression#locationOf(int)}.
 */
public final class ExpressionLocator {

  private final Map<String, SourceFile> files = new HashMap<>();
  private final Map<String, int[]> lineStarts = new ConcurrentHashMap<>();

  public ExpressionLocator(Collection<SourceFile> sources) {
    sources.forEach(f -> files.putIfAbsent(f.path(), f));
  }

  /** The place of the character at {@code offset} (a Java char index into the expression). */
  public SourceLocation locate(Expression expression, int offset) {
    ScalarNode node = expression.source();
    SourceFile file = files.get(node.location().file());
    int clamped = Math.max(0, Math.min(offset, expression.text().length()));
    if (file == null || file.text().isEmpty() || node.location().line() <= 0) {
      return expression.locationOf(clamped);
    }
    int[] starts = lineStarts.computeIfAbsent(file.path(), p -> lineStartsOf(file.text()));
    OptionalInt raw = rawIndex(file.text(), starts, node, clamped);
    return raw.isPresent()
        ? toLocation(file, starts, raw.getAsInt())
        : expression.locationOf(clamped);
  }

  /** The place of the code point at {@code codePointOffset}, as CEL counts positions. */
  public SourceLocation locateCodePoint(Expression expression, int codePointOffset) {
    return locate(expression, charOffset(expression.text(), codePointOffset));
  }

  /** The Java char index of a code point offset, clamped to the text. */
  public static int charOffset(String text, int codePointOffset) {
    int codePoints = text.codePointCount(0, text.length());
    return text.offsetByCodePoints(0, Math.max(0, Math.min(codePointOffset, codePoints)));
  }

  private static OptionalInt rawIndex(String raw, int[] starts, ScalarNode node, int offset) {
    OptionalInt start = contentStart(raw, starts, node);
    if (start.isEmpty()) {
      return OptionalInt.empty();
    }
    return new Alignment(raw, node.value(), node.style()).rawIndexOf(start.getAsInt(), offset);
  }

  private static OptionalInt contentStart(String raw, int[] starts, ScalarNode node) {
    int line = node.location().line();
    if (line > starts.length) {
      return OptionalInt.empty();
    }
    if (node.style() == ScalarNode.Style.LITERAL || node.style() == ScalarNode.Style.FOLDED) {
      return line < starts.length ? OptionalInt.of(starts[line]) : OptionalInt.empty();
    }
    int lineStart = starts[line - 1];
    int lineEnd = line < starts.length ? starts[line] : raw.length();
    int column = node.location().column() - 1;
    if (column < 0 || raw.codePointCount(lineStart, lineEnd) < column) {
      return OptionalInt.empty();
    }
    int index = raw.offsetByCodePoints(lineStart, column);
    boolean quoted =
        node.style() == ScalarNode.Style.SINGLE_QUOTED
            || node.style() == ScalarNode.Style.DOUBLE_QUOTED;
    return OptionalInt.of(quoted ? index + 1 : index);
  }

  private static SourceLocation toLocation(SourceFile file, int[] starts, int index) {
    int line = lineOf(starts, index);
    int column = file.text().codePointCount(starts[line], index) + 1;
    return SourceLocation.of(file.path(), line + 1, column);
  }

  private static int lineOf(int[] starts, int index) {
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= index) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private static int[] lineStartsOf(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Walks the raw text and the scalar's value in step. */
  private record Alignment(String raw, String value, ScalarNode.Style style) {

    OptionalInt rawIndexOf(int start, int offset) {
      int i = 0;
      int j = start;
      while (j <= raw.length()) {
        if (i >= offset) {
          return OptionalInt.of(j);
        }
        if (j == raw.length()) {
          return OptionalInt.empty();
        }
        char r = raw.charAt(j);
        char v = value.charAt(i);
        if (style == ScalarNode.Style.DOUBLE_QUOTED && r == '\\') {
          int[] step = escape(j);
          if (step[1] > 0 && offset < i + step[1]) {
            return OptionalInt.of(j);
          }
          i += step[1];
          j += step[0];
        } else if (style == ScalarNode.Style.SINGLE_QUOTED && r == '\'') {
          if (v != '\'' || j + 1 >= raw.length() || raw.charAt(j + 1) != '\'') {
            return OptionalInt.empty();
          }
          i++;
          j += 2;
        } else if (r == v) {
          i++;
          j++;
        } else if ((v == ' ' || v == '\n') && isBreak(r)) {
          i++;
          j = afterBreak(j);
        } else if (r == ' ' || r == '\t' || isBreak(r)) {
          j++;
        } else {
          return OptionalInt.empty();
        }
      }
      return OptionalInt.empty();
    }

    /** {raw characters consumed, value characters produced} for the escape at {@code j}. */
    private int[] escape(int j) {
      if (j + 1 >= raw.length()) {
        return new int[] {1, 0};
      }
      char kind = raw.charAt(j + 1);
      if (isBreak(kind)) {
        int k = afterBreak(j + 1);
        while (k < raw.length() && (raw.charAt(k) == ' ' || raw.charAt(k) == '\t')) {
          k++;
        }
        return new int[] {k - j, 0};
      }
      return switch (kind) {
        case 'x' -> new int[] {4, 1};
        case 'u' -> new int[] {6, 1};
        case 'U' -> new int[] {10, codePointLength(j + 2)};
        default -> new int[] {2, 1};
      };
    }

    private int codePointLength(int hexStart) {
      try {
        int codePoint = Integer.parseInt(raw.substring(hexStart, hexStart + 8), 16);
        return Character.charCount(codePoint);
      } catch (RuntimeException e) {
        return 1;
      }
    }

    private int afterBreak(int j) {
      return raw.charAt(j) == '\r' && j + 1 < raw.length() && raw.charAt(j + 1) == '\n'
          ? j + 2
          : j + 1;
    }

    private static boolean isBreak(char c) {
      return c == '\n' || c == '\r';
    }
  }
}
