package dev.tracepaper.source;

import java.util.Arrays;

/**
 * The line starts of a text, indexed once: a 1-based line's text or start offset, and the line that
 * holds an offset, without scanning the text again.
 */
public final class LineIndex {

  private final String text;
  private final int[] starts;

  public LineIndex(String text) {
    this.text = text;
    int[] found = new int[16];
    int count = 0;
    found[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == found.length) {
        found = Arrays.copyOf(found, count * 2);
      }
      found[count++] = i + 1;
    }
    this.starts = Arrays.copyOf(found, count);
  }

  /** The number of lines; a text ending in a line break has an empty last line. */
  public int count() {
    return starts.length;
  }

  /** The offset where 1-based {@code line} starts; past the last line, the text's end. */
  public int start(int line) {
    return line > starts.length ? text.length() : starts[line - 1];
  }

  /** The 1-based line without its line break, or an empty string when there is no such line. */
  public String line(int line) {
    if (line < 1 || line > starts.length) {
      return "";
    }
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  /** The 1-based line that holds {@code offset}. */
  public int lineOf(int offset) {
    int found = Arrays.binarySearch(starts, offset);
    return found >= 0 ? found + 1 : -found - 1;
  }
}
