package dev.tracepaper.source;

import java.util.List;

/** A YAML list. */
public record SequenceNode(List<YamlNode> items, SourceLocation location, long size)
    implements YamlNode {

  public SequenceNode {
    items = List.copyOf(items);
  }

  @Override
  public String describe() {
    return "a list";
  }
}
