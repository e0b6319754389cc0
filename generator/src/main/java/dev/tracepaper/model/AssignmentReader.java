package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code field: <CEL>} mappings, and the entity-collection forms upsert and remove. */
final class AssignmentReader {

  private final Nodes nodes;

  AssignmentReader(Nodes nodes) {
    this.nodes = nodes;
  }

  /** Plain assignments only ({@code set}, {@code with}, emits mappings). */
  List<Assignment.SetValue> values(YamlNode node, String what) {
    List<Assignment.SetValue> values = new ArrayList<>();
    nodes
        .mapping(node, what)
        .ifPresent(
            mapping -> {
              for (MappingNode.Entry entry : mapping.entries()) {
                value(entry, what).ifPresent(values::add);
              }
            });
    return values;
  }

  /** One entry of an {@code apply}: a value, or an upsert or remove on an entity collection. */
  Optional<Assignment> assignment(MappingNode.Entry entry, String what) {
    if (!(entry.value() instanceof MappingNode mapping)) {
      return value(entry, what).map(Assignment.class::cast);
    }
    String where = "`" + entry.name() + "` in " + what;
    if (mapping.get("remove").isPresent()) {
      nodes.checkKeys(mapping, Set.of("remove"), where);
      return nodes
          .expression(mapping.get("remove").get(), "`remove` of " + where)
          .map(key -> new Assignment.Remove(entry.name(), key, entry.key().location()));
    }
    nodes.checkKeys(mapping, Set.of("upsert", "with"), where);
    Optional<Expression> key =
        nodes
            .required(
                mapping, "upsert", where, "the key of the entity to change", entry.key().location())
            .flatMap(n -> nodes.expression(n, "`upsert` of " + where));
    List<Assignment.SetValue> with =
        mapping.get("with").map(n -> values(n, "`with` of " + where)).orElse(List.of());
    return key.map(k -> new Assignment.Upsert(entry.name(), k, with, entry.key().location()));
  }

  private Optional<Assignment.SetValue> value(MappingNode.Entry entry, String what) {
    return nodes
        .expression(entry.value(), "`" + entry.name() + "` in " + what)
        .map(e -> new Assignment.SetValue(entry.name(), e, entry.key().location()));
  }
}
