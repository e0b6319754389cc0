package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads the tests of an automation: {@code when}, {@code at} and the activities {@code then}. */
final class AutomationTestReader {

  private static final Set<String> TEST_KEYS = Set.of("name", "when", "at", "then");

  private final Nodes nodes;

  AutomationTestReader(Nodes nodes) {
    this.nodes = nodes;
  }

  List<Automation.Test> tests(YamlNode node, String what) {
    List<Automation.Test> tests = new ArrayList<>();
    List<YamlNode> items = nodes.list(node, "the tests of " + what).orElse(List.of());
    int number = 1;
    for (YamlNode item : items) {
      String numbered = "test " + number++;
      String named = numbered + " of " + what;
      Optional<MappingNode> maybe = nodes.mapping(item, named);
      if (maybe.isEmpty()) {
        continue;
      }
      MappingNode t = maybe.get();
      nodes.checkKeys(t, TEST_KEYS, named);
      String name =
          t.get("name").flatMap(n -> nodes.prose(n, "the name of " + named)).orElse(numbered);
      Optional<MappingNode> when =
          t.get("when").flatMap(n -> nodes.mapping(n, "`when` of " + named));
      Optional<Located<String>> at = t.get("at").flatMap(n -> nodes.text(n, "`at` of " + named));
      List<Automation.Expected> then = new ArrayList<>();
      nodes
          .required(t, "then", named, "the activities it expects, `[]` for none", t.location())
          .flatMap(n -> nodes.list(n, "`then` of " + named))
          .ifPresent(list -> list.forEach(i -> expected(i, named).ifPresent(then::add)));
      tests.add(new Automation.Test(name, when, at, then, t.location()));
    }
    return tests;
  }

  private Optional<Automation.Expected> expected(YamlNode item, String named) {
    String where = "an activity `then` of " + named + " expects";
    return nodes
        .mapping(item, where)
        .flatMap(
            m -> {
              if (m.entries().size() != 1) {
                nodes.report(
                    Diagnostic.error(
                            Nodes.INVALID_VALUE,
                            m.location(),
                            "Each entry of `then` of %s names one activity, `- kind: {…}`."
                                .formatted(named))
                        .withHint("start each expected activity with its own `-`"));
                return Optional.empty();
              }
              nodes.checkKeys(m, Set.of("email", "http", "s3Object", "command"), where);
              MappingNode.Entry e = m.entries().get(0);
              return nodes
                  .mapping(e.value(), "the expected `" + e.name() + "` of " + named)
                  .map(f -> new Automation.Expected(e.name(), f, e.key().location()));
            });
  }
}
