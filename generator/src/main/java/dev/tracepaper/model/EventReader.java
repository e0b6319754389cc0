package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one event: its fields, {@code apply}, and the history of its stored versions. */
final class EventReader {

  private static final Set<String> EVENT_KEYS =
      Set.of("fields", "apply", "version", "renamedFrom", "versions", "retired", "description");
  private static final Set<String> VERSION_KEYS = Set.of("fields", "upcast", "description");

  private final Nodes nodes;
  private final FieldReader fields;
  private final AssignmentReader assignments;

  EventReader(Nodes nodes, FieldReader fields, AssignmentReader assignments) {
    this.nodes = nodes;
    this.fields = fields;
    this.assignments = assignments;
  }

  Optional<Event> event(MappingNode.Entry entry, String aggregate) {
    String what = "event `" + entry.name() + "`";
    Optional<MappingNode> maybe = nodes.mapping(entry.value(), what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, EVENT_KEYS, what);
    List<Assignment> apply = new ArrayList<>();
    Optional<Located<Boolean>> deletes = Optional.empty();
    Optional<MappingNode> applyNode =
        m.get("apply").flatMap(n -> nodes.mapping(n, "`apply` of " + what));
    for (MappingNode.Entry line : applyNode.map(MappingNode::entries).orElse(List.of())) {
      if (line.name().equals("deleted") && isBoolean(line.value())) {
        deletes = nodes.bool(line.value(), "`deleted` of " + what);
        if (deletes.isPresent() && !deletes.get().value()) {
          nodes.report(
              Diagnostic.warning(
                      "DeletedFalse",
                      line.key().location(),
                      "`deleted: false` in the `apply` of %s does nothing.".formatted(what))
                  .withHint("remove the line"));
        }
        continue;
      }
      assignments.assignment(line, "`apply` of " + what).ifPresent(apply::add);
    }
    List<Located<String>> renamedFrom = new ArrayList<>();
    m.get("renamedFrom")
        .flatMap(n -> nodes.list(n, "`renamedFrom` of " + what))
        .ifPresent(
            items ->
                items.forEach(
                    i ->
                        nodes
                            .text(i, "a name in `renamedFrom` of " + what)
                            .ifPresent(renamedFrom::add)));
    return Optional.of(
        new Event(
            entry.name(),
            aggregate,
            m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of()),
            apply,
            deletes,
            m.get("version").flatMap(n -> nodes.wholeNumber(n, "`version` of " + what)),
            renamedFrom,
            m.get("versions").map(n -> versions(n, what)).orElse(List.of()),
            m.get("retired").flatMap(n -> nodes.bool(n, "`retired` of " + what)),
            m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
            entry.key().location()));
  }

  private List<EventVersion> versions(YamlNode node, String event) {
    List<EventVersion> versions = new ArrayList<>();
    for (MappingNode.Entry entry :
        nodes.mapping(node, "`versions` of " + event).map(MappingNode::entries).orElse(List.of())) {
      Optional<Integer> number = versionNumber(entry.key(), event);
      String what = "version " + entry.name() + " of " + event;
      Optional<MappingNode> maybe = nodes.mapping(entry.value(), what);
      if (number.isEmpty() || maybe.isEmpty()) {
        continue;
      }
      MappingNode m = maybe.get();
      nodes.checkKeys(m, VERSION_KEYS, what);
      List<Assignment> upcast = new ArrayList<>();
      m.get("upcast")
          .flatMap(n -> nodes.mapping(n, "`upcast` of " + what))
          .map(MappingNode::entries)
          .orElse(List.of())
          .forEach(
              line -> assignments.assignment(line, "`upcast` of " + what).ifPresent(upcast::add));
      versions.add(
          new EventVersion(
              number.get(),
              m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of()),
              upcast,
              entry.key().location()));
    }
    return versions;
  }

  private Optional<Integer> versionNumber(ScalarNode key, String event) {
    if (key.value().matches("[1-9][0-9]{0,8}")) {
      return Optional.of(Integer.parseInt(key.value()));
    }
    nodes.report(
        Diagnostic.error(
                Nodes.INVALID_VALUE,
                key.location(),
                "`versions` of %s has the key `%s`, which is not a version number."
                    .formatted(event, key.value()))
            .withHint("key each older version by its number: `1:`, `2:`, …"));
    return Optional.empty();
  }

  private static boolean isBoolean(YamlNode node) {
    return node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.BOOLEAN;
  }
}
