package dev.tracepaper.docs;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import java.util.stream.Collectors;

/** Values of tests as a reader says them: {@code isbn 9780441013593, title Dune}. */
final class Values {

  private Values() {}

  /** A mapping's entries as {@code name value}, comma-separated; nested values in braces. */
  static String fields(MappingNode fields) {
    return fields.entries().stream()
        .map(e -> e.name() + " " + nested(e.value()))
        .collect(Collectors.joining(", "));
  }

  /** {@code " with isbn 97…, title Dune"}, or nothing for no fields. */
  static String with(MappingNode fields) {
    return fields.isEmpty() ? "" : " with " + fields(fields);
  }

  static String nested(YamlNode node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.isNull() ? "(empty)" : scalar.value();
    }
    if (node instanceof SequenceNode list) {
      return list.items().stream().map(Values::nested).collect(Collectors.joining(", ", "[", "]"));
    }
    MappingNode mapping = (MappingNode) node;
    return mapping.isEmpty() ? "{}" : "{" + fields(mapping) + "}";
  }
}
