package dev.tracepaper.engine;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Equality of stored values as the generated tests compare them (runtime testing's {@code
 * Scenario.same}): numbers by value (2 and 2.0), objects and lists field by field.
 */
public final class JsonCompare {

  private JsonCompare() {}

  /** Whether {@code actual} holds what {@code expected} says; a null actual matches only null. */
  public static boolean same(JsonNode expected, JsonNode actual) {
    if (actual == null || actual.isNull() || actual.isMissingNode()) {
      return expected.isNull();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return new BigDecimal(expected.asString()).compareTo(new BigDecimal(actual.asString())) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Map.Entry<String, JsonNode> field : expected.properties()) {
        if (!same(field.getValue(), actual.get(field.getKey()))) {
          return false;
        }
      }
      return expected.size() == actual.size();
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!same(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }
}
