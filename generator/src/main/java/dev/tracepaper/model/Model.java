package dev.tracepaper.model;

import dev.tracepaper.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole model, merged from all its files. Lists keep every definition as written, duplicates
 * included, so that validation can name both places of a name defined twice.
 */
public record Model(
    Optional<App> app,
    List<PatternDef> patterns,
    List<EnumDef> enums,
    List<TypeDef> types,
    List<Aggregate> aggregates,
    List<View> views,
    List<CustomQuery> queries,
    List<Scenario> scenarios,
    List<Automation> automations,
    List<SourceFile> sources) {

  public Model {
    patterns = List.copyOf(patterns);
    enums = List.copyOf(enums);
    types = List.copyOf(types);
    aggregates = List.copyOf(aggregates);
    views = List.copyOf(views);
    queries = List.copyOf(queries);
    scenarios = List.copyOf(scenarios);
    automations = List.copyOf(automations);
    sources = List.copyOf(sources);
  }

  public Optional<Aggregate> aggregate(String name) {
    return aggregates.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<View> view(String name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<CustomQuery> query(String name) {
    return queries.stream().filter(q -> q.name().equals(name)).findFirst();
  }

  public Optional<Automation> automation(String name) {
    return automations.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<EnumDef> enumDef(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public Optional<TypeDef> type(String name) {
    return types.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<PatternDef> pattern(String name) {
    return patterns.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Stream<Event> events() {
    return aggregates.stream().flatMap(a -> a.events().stream());
  }

  public Stream<Command> commands() {
    return aggregates.stream().flatMap(a -> a.commands().stream());
  }

  public Stream<Policy> policies() {
    return aggregates.stream().flatMap(a -> a.policies().stream());
  }

  public Stream<Flow> flows() {
    return aggregates.stream().flatMap(a -> a.flows().stream());
  }
}
