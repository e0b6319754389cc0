package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A consistency boundary of the write side: its state, events, commands and policies, and the
 * values no two of its instances may share ({@code unique}).
 */
public record Aggregate(
    String name,
    Optional<Located<String>> subdomain,
    Optional<Located<String>> key,
    Optional<Located<Long>> snapshotEvery,
    Optional<Located<Long>> eventRetentionDays,
    List<Field> fields,
    List<TypeDef> entities,
    List<Event> events,
    List<Command> commands,
    List<Policy> policies,
    List<UniqueConstraint> unique,
    Optional<String> description,
    SourceLocation location) {

  public Aggregate {
    fields = List.copyOf(fields);
    entities = List.copyOf(entities);
    events = List.copyOf(events);
    commands = List.copyOf(commands);
    policies = List.copyOf(policies);
    unique = List.copyOf(unique);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public Optional<Event> event(String eventName) {
    return events.stream().filter(e -> e.name().equals(eventName)).findFirst();
  }

  public Optional<TypeDef> entity(String entityName) {
    return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
  }

  /**
   * The message a flow with {@code rules} refuses with for {@code code}: the one rule's or unique
   * constraint's with that code, or empty when none or several have it.
   */
  public String messageFor(List<BusinessRule> rules, String code) {
    List<String> matching = new java.util.ArrayList<>();
    rules.stream()
        .filter(r -> r.code().value().equals(code))
        .forEach(r -> matching.add(r.message()));
    unique.stream()
        .filter(u -> u.code().map(c -> c.value().equals(code)).orElse(false))
        .forEach(u -> matching.add(u.messageOr(name)));
    return matching.size() == 1 ? matching.get(0) : "";
  }

  /** Commands, then policies: every flow that changes this aggregate. */
  public List<Flow> flows() {
    return java.util.stream.Stream.concat(commands.stream(), policies.stream())
        .map(Flow.class::cast)
        .toList();
  }
}
