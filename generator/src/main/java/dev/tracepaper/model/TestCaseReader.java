package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the given/when/then {@code tests} of a command or policy. */
final class TestCaseReader {

  private static final Set<String> TEST_KEYS =
      Set.of("name", "given", "others", "when", "as", "at", "then");

  /** A command's case may name the trigger that runs it ({@code on}) instead of the API. */
  private static final Set<String> TRIGGERED_TEST_KEYS =
      Set.of("name", "given", "others", "on", "when", "as", "at", "then");

  private static final Set<String> THEN_KEYS = Set.of("events", "state", "deleted", "error");

  /** Reads an event reference, {@code Aggregate.Event} or {@code Event}. */
  interface EventRefs {
    Optional<EventRef> read(Located<String> text, String what);
  }

  private final Nodes nodes;
  private final EventRefs eventRefs;

  TestCaseReader(Nodes nodes, EventRefs eventRefs) {
    this.nodes = nodes;
    this.eventRefs = eventRefs;
  }

  /**
   * Reads the tests of {@code owner}; {@code example} is the event hints show; {@code triggered}:
   * the owner is a command, whose cases may say {@code on}.
   */
  List<TestCase> tests(YamlNode node, String owner, EventExample example, boolean triggered) {
    List<TestCase> tests = new ArrayList<>();
    nodes
        .list(node, "the tests of " + owner)
        .ifPresent(
            items -> {
              int index = 1;
              for (YamlNode item : items) {
                test(item, owner, index++, example, triggered).ifPresent(tests::add);
              }
            });
    return tests;
  }

  private Optional<TestCase> test(
      YamlNode node, String owner, int index, EventExample example, boolean triggered) {
    String what = "test " + index + " of " + owner;
    Optional<MappingNode> maybe = nodes.mapping(node, what);
    if (maybe.isEmpty()) {
      return Optional.empty();
    }
    MappingNode mapping = maybe.get();
    nodes.checkKeys(mapping, triggered ? TRIGGERED_TEST_KEYS : TEST_KEYS, what);
    String name =
        mapping
            .get("name")
            .flatMap(n -> nodes.prose(n, "the name of " + what))
            .orElse("test " + index);
    String named = "test `" + name + "` of " + owner;
    List<TestCase.Given> given =
        mapping.get("given").map(n -> givens(n, named, example)).orElse(List.of());
    List<MappingNode> others = new ArrayList<>();
    mapping
        .get("others")
        .flatMap(n -> nodes.list(n, "`others` of " + named))
        .ifPresent(
            items ->
                items.forEach(
                    i ->
                        nodes
                            .mapping(i, "the state of another instance in " + named)
                            .ifPresent(others::add)));
    Optional<MappingNode> when =
        mapping.get("when").flatMap(n -> nodes.mapping(n, "`when` of " + named));
    Optional<EventRef> on =
        triggered
            ? mapping
                .get("on")
                .flatMap(n -> nodes.text(n, "`on` of " + named))
                .flatMap(t -> eventRefs.read(t, "`on` of " + named))
            : Optional.empty();
    Optional<TestCase.Caller> as = mapping.get("as").flatMap(n -> caller(n, named));
    Optional<Located<String>> at =
        mapping.get("at").flatMap(n -> nodes.text(n, "`at` of " + named));
    TestCase.Then then =
        mapping
            .get("then")
            .flatMap(n -> then(n, named, example))
            .orElse(
                new TestCase.Then(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    mapping.location()));
    return Optional.of(
        new TestCase(name, given, others, when, on, as, at, then, mapping.location()));
  }

  private List<TestCase.Given> givens(YamlNode node, String what, EventExample example) {
    List<TestCase.Given> given = new ArrayList<>();
    if (node instanceof MappingNode mapping && mapping.get("state").isPresent()) {
      // `given: {state: {…}}` is the natural way to write a single starting state.
      nodes.checkKeys(mapping, Set.of("state"), "`given` of " + what);
      nodes
          .mapping(mapping.get("state").get(), "the state given in " + what)
          .ifPresent(s -> given.add(new TestCase.GivenState(s, mapping.location())));
      return given;
    }
    nodes
        .list(node, "`given` of " + what)
        .ifPresent(
            items -> {
              for (YamlNode item : items) {
                namedEntry(item, "an event given in " + what, example)
                    .ifPresent(
                        entry ->
                            given.add(
                                entry.name().equals("state")
                                    ? new TestCase.GivenState(entry.fields(), entry.location())
                                    : TestCase.GivenEvent.of(
                                        entry.name(), entry.fields(), entry.location())));
              }
            });
    return given;
  }

  Optional<TestCase.Caller> caller(YamlNode node, String what) {
    return nodes
        .mapping(node, "`as` of " + what)
        .map(
            mapping -> {
              nodes.checkKeys(mapping, Set.of("id", "name", "roles"), "`as` of " + what);
              Optional<Located<String>> id =
                  mapping.get("id").flatMap(n -> nodes.text(n, "the caller's id in " + what));
              Optional<Located<String>> name =
                  mapping.get("name").flatMap(n -> nodes.text(n, "the caller's name in " + what));
              List<Located<String>> roles = new ArrayList<>();
              mapping
                  .get("roles")
                  .flatMap(n -> nodes.list(n, "the caller's roles in " + what))
                  .ifPresent(
                      items ->
                          items.forEach(
                              i ->
                                  nodes
                                      .text(i, "a caller's role in " + what)
                                      .ifPresent(roles::add)));
              return new TestCase.Caller(id, name, roles, mapping.location());
            });
  }

  private Optional<TestCase.Then> then(YamlNode node, String what, EventExample example) {
    return nodes
        .mapping(node, "`then` of " + what)
        .map(
            mapping -> {
              nodes.checkKeys(mapping, THEN_KEYS, "`then` of " + what);
              Optional<List<TestCase.ExpectedEvent>> events =
                  mapping.get("events").map(n -> expectedEvents(n, what, example));
              Optional<MappingNode> state =
                  mapping
                      .get("state")
                      .flatMap(n -> nodes.mapping(n, "the state expected by " + what));
              Optional<Located<Boolean>> deleted =
                  mapping
                      .get("deleted")
                      .flatMap(n -> nodes.bool(n, "`deleted` expected by " + what));
              Optional<Located<String>> error =
                  mapping.get("error").flatMap(n -> nodes.text(n, "the error expected by " + what));
              return new TestCase.Then(events, state, deleted, error, mapping.location());
            });
  }

  private List<TestCase.ExpectedEvent> expectedEvents(
      YamlNode node, String what, EventExample example) {
    List<TestCase.ExpectedEvent> events = new ArrayList<>();
    nodes
        .list(node, "the events expected by " + what)
        .ifPresent(
            items -> {
              for (YamlNode item : items) {
                namedEntry(item, "an event expected by " + what, example)
                    .ifPresent(
                        e ->
                            events.add(
                                new TestCase.ExpectedEvent(e.name(), e.fields(), e.location())));
              }
            });
    return events;
  }

  /** {@code EventName} or {@code {EventName: {field: value, …}}}. */
  private Optional<NamedEntry> namedEntry(YamlNode node, String what, EventExample example) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return Optional.of(
          new NamedEntry(
              scalar.value(), new MappingNode(List.of(), scalar.location(), 1), scalar.location()));
    }
    if (node instanceof MappingNode mapping && mapping.entries().size() == 1) {
      MappingNode.Entry entry = mapping.entries().get(0);
      return nodes
          .mapping(entry.value(), "the fields of `" + entry.name() + "`, " + what)
          .map(fields -> new NamedEntry(entry.name(), fields, entry.key().location()));
    }
    nodes.report(
        Diagnostic.error(
                Nodes.WRONG_TYPE,
                node.location(),
                "%s should name one event with its fields; here it is %s."
                    .formatted(Nodes.capital(what), node.describe()))
            .withHint("write it as `%s`".formatted(example.entry("<value>"))));
    return Optional.empty();
  }

  private record NamedEntry(
      String name, MappingNode fields, dev.tracepaper.source.SourceLocation location) {}
}
