package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one custom query of the top-level {@code queries:} section. */
final class CustomQueryReader {

  private static final Set<String> KEYS =
      Set.of("args", "returns", "reads", "auth", "api", "description");

  private final Nodes nodes;
  private final FieldReader fields;
  private final AuthReader auth;

  CustomQueryReader(Nodes nodes) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.auth = new AuthReader(nodes);
  }

  Optional<CustomQuery> query(MappingNode.Entry entry) {
    String what = "the query `" + entry.name() + "`";
    return nodes
        .mapping(entry.value(), what)
        .map(
            m -> {
              nodes.checkKeys(m, KEYS, what);
              return new CustomQuery(
                  entry.name(),
                  m.get("args").map(n -> fields.fields(n, what)).orElse(List.of()),
                  nodes
                      .required(m, "returns", what)
                      .flatMap(n -> nodes.text(n, "`returns` of " + what)),
                  m.get("reads").map(n -> reads(n, what)).orElse(List.of()),
                  m.get("auth").flatMap(n -> auth.auth(n, "the `auth` of " + what)),
                  m.get("api").flatMap(n -> nodes.text(n, "`api` of " + what)),
                  m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
                  entry.key().location());
            });
  }

  private List<Located<String>> reads(YamlNode node, String query) {
    List<Located<String>> views = new ArrayList<>();
    nodes
        .list(node, "`reads` of " + query)
        .ifPresent(
            items -> {
              for (YamlNode item : items) {
                nodes.text(item, "a view in `reads` of " + query).ifPresent(views::add);
              }
            });
    return views;
  }
}
