package dev.tracepaper.testing;

import tools.jackson.databind.JsonNode;

/** Values as a failure shows them: text as written, numbers and lists as in YAML flow style. */
final class Values {

  static final String ABSENT = "(no value)";

  private Values() {}

  static String show(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return ABSENT;
    }
    if (value.isString()) {
      return value.asString();
    }
    if (value.isObject()) {
      StringBuilder text = new StringBuilder("{");
      value
          .properties()
          .forEach(
              e -> {
                if (text.length() > 1) {
                  text.append(", ");
                }
                text.append(e.getKey()).append(": ").append(nested(e.getValue()));
              });
      return text.append('}').toString();
    }
    if (value.isArray()) {
      StringBuilder text = new StringBuilder("[");
      for (JsonNode item : value) {
        if (text.length() > 1) {
          text.append(", ");
        }
        text.append(nested(item));
      }
      return text.append(']').toString();
    }
    return value.toString();
  }

  private static String nested(JsonNode value) {
    return value != null && value.isNull() ? "null" : show(value);
  }
}
