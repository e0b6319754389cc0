package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Compares what an automation performed with what a test expects, as {@code tracepaper test} does:
 * the activities in order and complete, each named part equal. A body or content is compared
 * without the white space around it (YAML's block styles add a line break); {@code to} may be one
 * address without a list; {@code headers} and a command's {@code with} compare only the names the
 * expectation gives. Every difference is named by the activity's number and field.
 */
public final class AutomationCheck {

  private AutomationCheck() {}

  /**
   * Fails unless {@code actual} is what {@code expectedJson} lists: a JSON array of activities,
   * each an object with one field, the kind ({@code email}, {@code http}, {@code s3Object}, {@code
   * command}), whose value gives the parts to compare, as a model's test {@code then} writes them.
   */
  public static void check(List<Performed> actual, String expectedJson) {
    List<String> mismatches = mismatches(actual, Json.parse(expectedJson));
    if (!mismatches.isEmpty()) {
      throw new AssertionFailedError(
          "the automation did not do what was expected:\n  " + String.join("\n  ", mismatches));
    }
  }

  /** Each difference as one line; empty when {@code actual} is what {@code expected} lists. */
  public static List<String> mismatches(List<Performed> actual, JsonNode expected) {
    if (!expected.isArray()) {
      throw new IllegalArgumentException("the expected activities are not a list: " + expected);
    }
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String activity = "activity " + (i + 1);
      if (i >= expected.size()) {
        mismatches.add(activity + ": expected nothing more, got " + actual.get(i).describe());
        continue;
      }
      Map.Entry<String, JsonNode> wanted = expected.get(i).properties().iterator().next();
      String kind = wanted.getKey();
      if (i >= actual.size()) {
        mismatches.add(activity + ": expected " + article(kind) + ", got nothing more");
      } else if (!kind.equals(actual.get(i).kind())) {
        mismatches.add(
            activity + ": expected " + article(kind) + ", got " + actual.get(i).describe());
      } else {
        compare(activity + " (`" + kind + "`)", wanted.getValue(), actual.get(i), mismatches);
      }
    }
    return mismatches;
  }

  private static String article(String kind) {
    return (kind.equals("command") ? "a `" : "an `") + kind + "` activity";
  }

  private static void compare(
      String subject, JsonNode expected, Performed performed, List<String> mismatches) {
    ObjectNode wanted = expected.isObject() ? (ObjectNode) expected.deepCopy() : Json.object();
    ObjectNode actual = performed.details().deepCopy();
    if (wanted.has("to") && !wanted.get("to").isArray()) {
      wanted.set("to", Json.array().add(wanted.get("to")));
    }
    for (String text : List.of("body", "content")) {
      trimmed(wanted, text);
      trimmed(actual, text);
    }
    for (String nested : List.of("headers", "with")) {
      JsonNode part = wanted.remove(nested);
      if (part != null && part.isObject()) {
        fields(subject + ": `" + nested + "`", part, actual.get(nested), mismatches);
      }
    }
    fields(subject, wanted, actual, mismatches);
  }

  private static void fields(
      String subject, JsonNode expected, JsonNode actual, List<String> mismatches) {
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      JsonNode value = actual == null ? null : actual.get(field.getKey());
      if (!Scenario.same(field.getValue(), value)) {
        mismatches.add(
            subject
                + ": `"
                + field.getKey()
                + "`: expected "
                + show(field.getValue())
                + ", got "
                + show(value));
      }
    }
  }

  private static String show(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "(no value)";
    }
    return value.isTextual() ? value.asText() : Json.write(value);
  }

  private static void trimmed(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value != null && value.isTextual()) {
      node.put(field, value.asText().strip());
    }
  }
}
