package dev.tracepaper.source;

import java.util.List;
import java.util.Optional;

/** A YAML mapping whose keys are scalars, in the order written. Keys are unique. */
public record MappingNode(List<Entry> entries, SourceLocation location, long size)
    implements YamlNode {

  /** One {@code key: value} pair. */
  public record Entry(ScalarNode key, YamlNode value) {
    public String name() {
      return key.value();
    }
  }

  public MappingNode {
    entries = List.copyOf(entries);
  }

  public Optional<YamlNode> get(String key) {
    for (Entry entry : entries) {
      if (entry.name().equals(key)) {
        return Optional.of(entry.value());
      }
    }
    return Optional.empty();
  }

  public Optional<Entry> entry(String key) {
    return entries.stream().filter(e -> e.name().equals(key)).findFirst();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
