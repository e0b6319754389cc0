package dev.tracepaper.source;

import java.util.Objects;

/**
 * The text of one model file, kept so that diagnostics can quote the offending line. Line starts
 * are indexed once, so quoting many lines of a large file stays cheap.
 */
public final class SourceFile {

  private final String path;
  private final String text;
  private final LineIndex lines;

  public SourceFile(String path, String text) {
    this.path = Objects.requireNonNull(path);
    this.text = Objects.requireNonNull(text);
    this.lines = new LineIndex(text);
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The 1-based line without its line break, or an empty string when there is no such line. */
  public String line(int number) {
    return lines.line(number);
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
