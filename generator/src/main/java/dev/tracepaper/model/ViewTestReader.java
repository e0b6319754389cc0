package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code tests} of a view: given events, then the rows. */
final class ViewTestReader {

  private static final Set<String> TEST_KEYS = Set.of("name", "given", "then");

  private final Nodes nodes;
  private final FlowReader flows;

  ViewTestReader(Nodes nodes, FlowReader flows) {
    this.nodes = nodes;
    this.flows = flows;
  }

  List<ViewTest> tests(YamlNode node, String view) {
    List<ViewTest> tests = new ArrayList<>();
    nodes
        .list(node, "the tests of " + view)
        .ifPresent(
            items -> {
              int index = 1;
              for (YamlNode item : items) {
                test(item, view, index++).ifPresent(tests::add);
              }
            });
    return tests;
  }

  private Optional<ViewTest> test(YamlNode node, String view, int index) {
    String what = "test " + index + " of " + view;
    return nodes
        .mapping(node, what)
        .map(
            mapping -> {
              nodes.checkKeys(mapping, TEST_KEYS, what);
              String name =
                  mapping
                      .get("name")
                      .flatMap(n -> nodes.prose(n, "the name of " + what))
                      .orElse("test " + index);
              String named = "test `" + name + "` of " + view;
              List<ViewTest.GivenEvent> given =
                  mapping.get("given").map(n -> givens(n, named)).orElse(List.of());
              Optional<MappingNode> then =
                  mapping.get("then").flatMap(n -> nodes.mapping(n, "`then` of " + named));
              then.ifPresent(t -> nodes.checkKeys(t, Set.of("rows"), "`then` of " + named));
              Optional<List<MappingNode>> rows =
                  then.flatMap(t -> t.get("rows")).map(n -> rows(n, named));
              return new ViewTest(
                  name,
                  given,
                  rows,
                  then.map(MappingNode::location).orElse(mapping.location()),
                  mapping.location());
            });
  }

  private List<ViewTest.GivenEvent> givens(YamlNode node, String what) {
    List<ViewTest.GivenEvent> given = new ArrayList<>();
    nodes
        .list(node, "`given` of " + what)
        .ifPresent(items -> items.forEach(i -> given(i, what).ifPresent(given::add)));
    return given;
  }

  /** {@code Aggregate.Event} or {@code {Aggregate.Event: {field: value, …}}}. */
  private Optional<ViewTest.GivenEvent> given(YamlNode node, String what) {
    String subject = "an event given in " + what;
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return flows
          .eventRef(new Located<>(scalar.value(), scalar.location()), subject)
          .map(
              ref ->
                  new ViewTest.GivenEvent(
                      ref, new MappingNode(List.of(), scalar.location(), 1), scalar.location()));
    }
    if (node instanceof MappingNode mapping && mapping.entries().size() == 1) {
      MappingNode.Entry entry = mapping.entries().get(0);
      Optional<EventRef> ref =
          flows.eventRef(new Located<>(entry.name(), entry.key().location()), subject);
      Optional<MappingNode> fields =
          nodes.mapping(entry.value(), "the fields of `" + entry.name() + "`, " + subject);
      return ref.flatMap(
          r -> fields.map(f -> new ViewTest.GivenEvent(r, f, entry.key().location())));
    }
    nodes.report(
        Diagnostic.error(
                Nodes.WRONG_TYPE,
                node.location(),
                "%s should name one event with its fields; here it is %s."
                    .formatted(Nodes.capital(subject), node.describe()))
            .withHint("write it as `- Aggregate.Event: {field: <value>}`"));
    return Optional.empty();
  }

  private List<MappingNode> rows(YamlNode node, String what) {
    List<MappingNode> rows = new ArrayList<>();
    nodes
        .list(node, "the rows expected by " + what)
        .ifPresent(
            items ->
                items.forEach(
                    i -> nodes.mapping(i, "a row expected by " + what).ifPresent(rows::add)));
    return rows;
  }
}
