package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one aggregate with its fields, entities, events, commands and policies. */
final class AggregateReader {

  private static final Set<String> AGGREGATE_KEYS =
      Set.of(
          "subdomain",
          "key",
          "snapshotEvery",
          "eventRetentionDays",
          "fields",
          "entities",
          "events",
          "commands",
          "policies",
          "unique",
          "description");

  private static final Set<String> UNIQUE_KEYS = Set.of("fields", "code", "message");

  private final Nodes nodes;
  private final FieldReader fields;
  private final EventReader eventReader;
  private final FlowReader flows;

  AggregateReader(Nodes nodes) {
    this.nodes = nodes;
    this.fields = new FieldReader(nodes);
    this.eventReader = new EventReader(nodes, fields, new AssignmentReader(nodes));
    this.flows = new FlowReader(nodes);
  }

  Optional<Aggregate> aggregate(MappingNode.Entry entry) {
    String name = entry.name();
    String what = "aggregate `" + name + "`";
    Optional<MappingNode> maybe = nodes.mapping(entry.value(), what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    nodes.checkKeys(m, AGGREGATE_KEYS, what);
    List<TypeDef> entities = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    List<Command> commands = new ArrayList<>();
    List<Policy> policies = new ArrayList<>();
    section(m, "entities", what)
        .forEach(
            e ->
                entities.add(
                    new TypeDef(
                        e.name(),
                        fields.fields(e.value(), "entity `" + e.name() + "`"),
                        Optional.empty(),
                        e.key().location())));
    section(m, "events", what).forEach(e -> eventReader.event(e, name).ifPresent(events::add));
    EventExample example = EventExample.of(events);
    section(m, "commands", what)
        .forEach(e -> flows.command(e, name, example).ifPresent(commands::add));
    section(m, "policies", what)
        .forEach(e -> flows.policy(e, name, example).ifPresent(policies::add));
    return Optional.of(
        new Aggregate(
            name,
            m.get("subdomain").flatMap(n -> nodes.text(n, "`subdomain` of " + what)),
            m.get("key").flatMap(n -> nodes.text(n, "`key` of " + what)),
            m.get("snapshotEvery").flatMap(n -> nodes.wholeNumber(n, "`snapshotEvery` of " + what)),
            m.get("eventRetentionDays")
                .flatMap(n -> nodes.wholeNumber(n, "`eventRetentionDays` of " + what)),
            m.get("fields").map(n -> fields.fields(n, what)).orElse(List.of()),
            entities,
            events,
            commands,
            policies,
            m.get("unique").map(n -> unique(n, what)).orElse(List.of()),
            m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
            entry.key().location()));
  }

  private List<UniqueConstraint> unique(YamlNode node, String what) {
    List<UniqueConstraint> constraints = new ArrayList<>();
    nodes
        .list(node, "`unique` of " + what)
        .ifPresent(
            items -> {
              int index = 1;
              for (YamlNode item : items) {
                String constraint = "unique constraint " + index++ + " of " + what;
                nodes
                    .mapping(item, constraint)
                    .ifPresent(m -> constraints.add(unique(m, constraint)));
              }
            });
    return constraints;
  }

  private UniqueConstraint unique(MappingNode m, String what) {
    nodes.checkKeys(m, UNIQUE_KEYS, what);
    List<Located<String>> fieldNames = new ArrayList<>();
    nodes
        .required(
            m, "fields", what, "the state fields whose values no two instances share", m.location())
        .flatMap(n -> nodes.list(n, "`fields` of " + what))
        .ifPresent(
            items ->
                items.forEach(i -> nodes.text(i, "a field of " + what).ifPresent(fieldNames::add)));
    return new UniqueConstraint(
        fieldNames,
        m.get("code").flatMap(n -> nodes.text(n, "`code` of " + what)),
        m.get("message").flatMap(n -> nodes.text(n, "`message` of " + what)).map(Located::value),
        m.location());
  }

  private List<MappingNode.Entry> section(MappingNode m, String key, String what) {
    return m.get(key)
        .flatMap(n -> nodes.mapping(n, "`" + key + "` of " + what))
        .map(MappingNode::entries)
        .orElse(List.of());
  }
}
