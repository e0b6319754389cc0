package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
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
          "description");

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
            m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
            entry.key().location()));
  }

  private List<MappingNode.Entry> section(MappingNode m, String key, String what) {
    return m.get(key)
        .flatMap(n -> nodes.mapping(n, "`" + key + "` of " + what))
        .map(MappingNode::entries)
        .orElse(List.of());
  }
}
