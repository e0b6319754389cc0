package dev.tracepaper.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * The text of one model file, kept so that diagnostics can quote the offending line. Line starts
 * are indexed once, so quoting many lines of a large file stays cheap.
 */
public final class SourceFile {

  private final String path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String path, String text) {
    this.path = Objects.requireNonNull(path);
    this.text = Objects.requireNonNull(text);
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The 1-based line without its line break, or an empty string when there is no such line. */
  public String line(int number) {
    if (number < 1 || number > lineStarts.length) {
      return "";
    }
    int start = lineStarts[number - 1];
    int end = number < lineStarts.length ? lineStarts[number] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceFile that && path.equals(that.path) && text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + text.hashCode();
  }

  @Override
  public String toString() {
    return "SourceFile[" + path + "]";
  }
}
