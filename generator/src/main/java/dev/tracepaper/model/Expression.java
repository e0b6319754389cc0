package dev.tracepaper.model;

import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceLocation;

/** A CEL expression as written in the model, able to locate any character of itself. */
public record Expression(String text, ScalarNode source) {

  public static Expression of(ScalarNode node) {
    return new Expression(node.value(), node);
  }

  public SourceLocation location() {
    return source.contentLocation();
  }

  /** Where the character at {@code offset} of {@link #text()} stands in the file. */
  public SourceLocation locationOf(int offset) {
    return source.locationOf(offset);
  }

  @Override
  public String toString() {
    return text;
  }
}
