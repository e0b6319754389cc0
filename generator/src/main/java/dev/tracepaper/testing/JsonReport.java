package dev.tracepaper.testing;

import dev.tracepaper.source.SourceLocation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The run as JSON (its structure is documented in docs/cli.md, "test"). */
public final class JsonReport {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonReport() {}

  public static String format(ModelTests.Run run) {
    ObjectNode root = NODES.objectNode();
    root.put("passed", run.passed());
    ObjectNode counts = root.putObject("counts");
    counts.put("tests", run.results().size());
    counts.put("passed", run.count(TestResult.Status.PASSED));
    counts.put("failed", run.count(TestResult.Status.FAILED));
    counts.put("notRun", run.count(TestResult.Status.NOT_RUN));
    run.scenarioCoverage().ifPresent(line -> root.put("scenarioCoverage", line));
    root.put("millis", run.millis());
    ArrayNode tests = root.putArray("tests");
    for (TestResult result : run.results()) {
      ObjectNode test = tests.addObject();
      test.put("element", result.element());
      test.put("name", result.name());
      place(test, result.location());
      test.put(
          "status",
          switch (result.status()) {
            case PASSED -> "passed";
            case FAILED -> "failed";
            case NOT_RUN -> "notRun";
          });
      if (result.status() == TestResult.Status.NOT_RUN) {
        test.put("reason", result.mismatches().get(0).subject());
        continue;
      }
      ArrayNode mismatches = test.putArray("mismatches");
      for (TestResult.Mismatch m : result.mismatches()) {
        ObjectNode mismatch = mismatches.addObject();
        mismatch.put("subject", m.subject());
        mismatch.put("expected", m.expected());
        mismatch.put("actual", m.actual());
        place(mismatch, m.location());
      }
    }
    return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root)
        + "\n";
  }

  private static void place(ObjectNode node, SourceLocation location) {
    node.put("file", location.file());
    node.put("line", location.line());
    node.put("column", location.column());
  }
}
