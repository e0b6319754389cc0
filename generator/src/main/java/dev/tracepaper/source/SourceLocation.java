package dev.tracepaper.source;

import java.util.Comparator;

/** A place in a model file: 1-based line and column. {@link #NONE} stands for "no place". */
public record SourceLocation(String file, int line, int column)
    implements Comparable<SourceLocation> {

  public static final SourceLocation NONE = new SourceLocation("", 0, 0);

  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing(SourceLocation::file)
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column);

  public static SourceLocation of(String file, int line, int column) {
    return new SourceLocation(file, line, column);
  }

  public static SourceLocation ofFile(String file) {
    return new SourceLocation(file, 0, 0);
  }

  public boolean isKnown() {
    return !file.isEmpty();
  }

  /** The same line, {@code n} columns further on. */
  public SourceLocation plusColumns(int n) {
    return new SourceLocation(file, line, column + n);
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file;
    }
    return file + ":" + line + ":" + column;
  }
}
