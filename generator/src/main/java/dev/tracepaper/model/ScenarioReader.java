package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code scenarios} section: named scenarios of steps through the API. */
final class ScenarioReader {

  private static final Set<String> SCENARIO_KEYS = Set.of("description", "as", "steps");
  private static final Set<String> COMMAND_KEYS =
      Set.of("name", "command", "as", "at", "input", "expect", "extract", "error", "message");
  private static final Set<String> QUERY_KEYS =
      Set.of("name", "query", "as", "args", "expect", "extract", "error");
  private static final Set<String> SET_KEYS = Set.of("name", "set");
  private static final Set<String> COVERAGE_KEYS = Set.of("events", "views");

  private final Nodes nodes;

  ScenarioReader(Nodes nodes) {
    this.nodes = nodes;
  }

  Optional<Scenario> scenario(MappingNode.Entry entry) {
    String what = "the scenario `" + entry.name() + "`";
    return nodes
        .mapping(entry.value(), what)
        .map(
            m -> {
              nodes.checkKeys(m, SCENARIO_KEYS, what);
              Optional<TestCase.Caller> as =
                  m.get("as")
                      .flatMap(
                          n ->
                              new TestCaseReader(nodes, (text, where) -> Optional.empty())
                                  .caller(n, what));
              List<Scenario.Step> steps = new ArrayList<>();
              nodes
                  .required(m, "steps", what)
                  .flatMap(n -> nodes.list(n, "the steps of " + what))
                  .ifPresent(
                      items -> {
                        int index = 1;
                        for (YamlNode item : items) {
                          step(item, "step " + index++ + " of " + what).ifPresent(steps::add);
                        }
                      });
              return new Scenario(
                  entry.name(),
                  m.get("description").flatMap(n -> nodes.prose(n, "the description of " + what)),
                  as,
                  steps,
                  entry.key().location());
            });
  }

  private Optional<Scenario.Step> step(YamlNode node, String what) {
    Optional<MappingNode> maybe = nodes.mapping(node, what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode m = maybe.get();
    List<Scenario.Kind> kinds = new ArrayList<>();
    m.get("set").ifPresent(n -> kinds.add(Scenario.Kind.SET));
    m.get("command").ifPresent(n -> kinds.add(Scenario.Kind.COMMAND));
    m.get("query").ifPresent(n -> kinds.add(Scenario.Kind.QUERY));
    if (kinds.size() != 1) {
      nodes.report(
          Diagnostic.error(
                  Nodes.WRONG_TYPE,
                  m.location(),
                  "%s should do one thing: `command`, `query` or `set`; it has %s."
                      .formatted(
                          Nodes.capital(what),
                          kinds.isEmpty()
                              ? "none of them"
                              : kinds.stream()
                                  .map(k -> "`" + k.name().toLowerCase() + "`")
                                  .reduce((a, b) -> a + " and " + b)
                                  .orElseThrow()))
              .withHint(
                  "write `- command: OpenTask` with `input`, `- query: View.get` with `args`, or"
                      + " `- set: {name: value}`; one per step"));
      return Optional.empty();
    }
    Scenario.Kind kind = kinds.get(0);
    nodes.checkKeys(
        m,
        switch (kind) {
          case SET -> SET_KEYS;
          case COMMAND -> COMMAND_KEYS;
          case QUERY -> QUERY_KEYS;
        },
        what);
    Optional<Located<String>> target =
        kind == Scenario.Kind.SET
            ? Optional.empty()
            : m.get(kind.name().toLowerCase())
                .flatMap(n -> nodes.text(n, "the " + kind.name().toLowerCase() + " of " + what));
    String valuesKey =
        switch (kind) {
          case SET -> "set";
          case COMMAND -> "input";
          case QUERY -> "args";
        };
    return Optional.of(
        new Scenario.Step(
            kind,
            target,
            m.get("name").flatMap(n -> nodes.prose(n, "the name of " + what)),
            m.get("as")
                .flatMap(
                    n ->
                        new TestCaseReader(nodes, (text, where) -> Optional.empty())
                            .caller(n, what)),
            mappingOf(m, valuesKey, what),
            mappingOf(m, "expect", what),
            mappingOf(m, "extract", what),
            m.get("error").flatMap(n -> nodes.text(n, "the error expected by " + what)),
            m.get("message")
                .flatMap(
                    n ->
                        nodes
                            .prose(n, "the error message expected by " + what)
                            .map(text -> new Located<>(text, n.location()))),
            m.get("at").flatMap(n -> nodes.text(n, "`at` of " + what)),
            m.location()));
  }

  private MappingNode mappingOf(MappingNode m, String key, String what) {
    return m.get(key)
        .flatMap(n -> nodes.mapping(n, "`" + key + "` of " + what))
        .orElse(new MappingNode(List.of(), m.location(), 1));
  }

  /** {@code app.scenarioCoverage: {events: 80, views: 80}} */
  Optional<Scenario.Coverage> coverage(YamlNode node) {
    String what = "`app.scenarioCoverage`";
    return nodes
        .mapping(node, what)
        .map(
            m -> {
              nodes.checkKeys(m, COVERAGE_KEYS, what);
              return new Scenario.Coverage(
                  m.get("events").flatMap(n -> percent(n, "the events' share in " + what)),
                  m.get("views").flatMap(n -> percent(n, "the views' share in " + what)),
                  m.location());
            });
  }

  private Optional<Located<Long>> percent(YamlNode node, String what) {
    Optional<Located<Long>> value = nodes.wholeNumber(node, what);
    if (value.isPresent() && (value.get().value() < 0 || value.get().value() > 100)) {
      nodes.report(
          Diagnostic.error(
                  Nodes.INVALID_VALUE,
                  node.location(),
                  "%s is %d; it is a percentage, from 0 to 100."
                      .formatted(Nodes.capital(what), value.get().value()))
              .withHint("write a whole number from 0 to 100, such as `80`"));
      return Optional.empty();
    }
    return value;
  }
}
