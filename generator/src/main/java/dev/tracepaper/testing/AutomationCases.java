package dev.tracepaper.testing;

import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.Performed;
import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.MappingNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the tests of automations on the engine, which works out what each would do and does none of
 * it: the activities performed must be those {@code then} lists, in order and complete, each named
 * part equal. A body or content is compared without the white space around it, since YAML's block
 * styles add a line break; {@code to} may name one address without a list; {@code headers} and a
 * command's {@code with} compare only the names the test gives.
 */
final class AutomationCases {

  private final ModelIndex index;
  private final Engine engine;
  private final YamlJson yaml;

  AutomationCases(ModelIndex index, Engine engine) {
    this.index = index;
    this.engine = engine;
    this.yaml = new YamlJson(index);
  }

  void run(Automation automation, Automation.Test test, List<TestResult.Mismatch> mismatches) {
    Instant now = test.at().map(at -> Instant.parse(at.value())).orElse(Instant.now());
    Optional<ObjectNode> payload = Optional.empty();
    if (automation.trigger() instanceof Automation.OnEvent on) {
      Event event = index.event(on.event()).orElseThrow();
      Aggregate source = index.aggregate(event.aggregate()).orElseThrow();
      payload =
          Optional.of(
              test.when()
                  .map(w -> yaml.object(w, event.fields(), Optional.of(source), false))
                  .orElse(JsonNodeFactory.instance.objectNode()));
    }
    List<Performed> performed = engine.fresh().automation(automation, payload, now);
    List<Automation.Expected> expected = test.then();
    for (int i = 0; i < Math.max(expected.size(), performed.size()); i++) {
      if (i >= expected.size()) {
        mismatches.add(
            new TestResult.Mismatch(
                "activity " + (i + 1),
                "nothing more",
                performed.get(i).describe(),
                performed.get(i).location()));
      } else if (i >= performed.size()) {
        mismatches.add(
            new TestResult.Mismatch(
                "activity " + (i + 1),
                activity(expected.get(i).kind()),
                "nothing more",
                expected.get(i).location()));
      } else if (!expected.get(i).kind().equals(performed.get(i).kind())) {
        mismatches.add(
            new TestResult.Mismatch(
                "activity " + (i + 1),
                activity(expected.get(i).kind()),
                performed.get(i).describe(),
                expected.get(i).location()));
      } else {
        compare(i + 1, expected.get(i), performed.get(i), mismatches);
      }
    }
  }

  /** How a failure names the kind of activity expected: "an `email` activity". */
  private static String activity(String kind) {
    return (kind.equals("command") ? "a `" : "an `") + kind + "` activity";
  }

  private static void compare(
      int number,
      Automation.Expected expected,
      Performed performed,
      List<TestResult.Mismatch> mismatches) {
    String subject = "activity " + number + " (`" + expected.kind() + "`)";
    ObjectNode wanted = (ObjectNode) YamlJson.plain(expected.fields());
    ObjectNode actual = performed.details().deepCopy();
    MappingNode written = expected.fields();
    if (wanted.has("to") && !wanted.get("to").isArray()) {
      ArrayNode one = wanted.arrayNode().add(wanted.get("to"));
      wanted.set("to", one);
    }
    for (String text : List.of("body", "content")) {
      trimmed(wanted, text);
      trimmed(actual, text);
    }
    for (String nested : List.of("headers", "with")) {
      JsonNode part = wanted.remove(nested);
      if (part instanceof ObjectNode named) {
        written
            .get(nested)
            .filter(MappingNode.class::isInstance)
            .map(MappingNode.class::cast)
            .ifPresent(
                m ->
                    Expectations.fields(
                        subject + ": `" + nested + "`", named, actual.get(nested), m, mismatches));
      }
    }
    Expectations.fields(subject, wanted, actual, written, mismatches);
  }

  private static void trimmed(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isString()) {
      node.put(field, value.asString().strip());
    }
  }
}
