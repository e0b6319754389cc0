package dev.tracepaper.source;

/**
 * A YAML scalar with its resolved kind (core schema) and the place of its first character. For a
 * quoted scalar, {@code location} points at the opening quote; {@link #contentLocation()} at the
 * first character of the text.
 */
public record ScalarNode(String value, Kind kind, Style style, SourceLocation location)
    implements YamlNode {

  /** The kind of value the YAML core schema resolves a scalar to. */
  public enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOLEAN,
    NULL
  }

  /** How the scalar was written; decides how positions inside it map to columns. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED
  }

  public static ScalarNode string(String value, SourceLocation location) {
    return new ScalarNode(value, Kind.STRING, Style.PLAIN, location);
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  public SourceLocation contentLocation() {
    return switch (style) {
      case PLAIN -> location;
      case SINGLE_QUOTED, DOUBLE_QUOTED -> location.plusColumns(1);
      case LITERAL, FOLDED -> SourceLocation.of(location.file(), location.line() + 1, 0);
    };
  }

  /**
   * Where the character at {@code offset} of the value stands in the file, exactly for plain and
   * quoted single-line scalars without escapes, else the best place on the scalar's first line.
   */
  public SourceLocation locationOf(int offset) {
    if (style == Style.LITERAL || style == Style.FOLDED || value.indexOf('\n') >= 0) {
      return location;
    }
    return contentLocation().plusColumns(Math.max(0, offset));
  }

  @Override
  public long size() {
    return 1;
  }

  @Override
  public String describe() {
    return switch (kind) {
      case STRING -> "a text";
      case INT -> "a whole number";
      case FLOAT -> "a number";
      case BOOLEAN -> "true or false";
      case NULL -> "empty";
    };
  }
}
