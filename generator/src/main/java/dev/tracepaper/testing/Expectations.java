package dev.tracepaper.testing;

import dev.tracepaper.engine.JsonCompare;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares what a test names with what happened, as the generated tests do: every named field must
 * be equal (numbers by value), fields not named are not compared.
 */
final class Expectations {

  private Expectations() {}

  /**
   * Adds a mismatch for each field of {@code expected} that {@code actual} does not hold; {@code
   * written} locates each field where the test wrote it.
   */
  static void fields(
      String subject,
      ObjectNode expected,
      JsonNode actual,
      MappingNode written,
      List<TestResult.Mismatch> mismatches) {
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      JsonNode value = actual == null ? null : actual.get(field.getKey());
      if (!JsonCompare.same(field.getValue(), value)) {
        SourceLocation at =
            written.entry(field.getKey()).map(e -> e.key().location()).orElse(written.location());
        mismatches.add(
            new TestResult.Mismatch(
                subject + ": `" + field.getKey() + "`",
                Values.show(field.getValue()),
                Values.show(value),
                at));
      }
    }
  }
}
