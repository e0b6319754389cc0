package dev.tracepaper.engine;

import dev.tracepaper.source.SourceLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A side effect an automation would have, as the engine works it out without having it: {@code
 * email} (from, to, subject, body), {@code http} (method, url, headers, body), {@code s3Object}
 * (bucket, key, content) or {@code command} (send, with, as).
 *
 * @param location the activity's place in the model
 */
public record Performed(String kind, ObjectNode details, SourceLocation location) {

  /** One line for a log: what would be sent where. */
  public String describe() {
    return switch (kind) {
      case "email" ->
          "e-mail to %s, subject \"%s\"".formatted(list(details.get("to")), text("subject"));
      case "http" -> "HTTP %s %s".formatted(text("method"), text("url"));
      case "s3Object" -> "S3 object %s in bucket %s".formatted(text("key"), text("bucket"));
      case "command" -> "command %s %s".formatted(text("send"), details.get("with"));
      default -> kind + " " + details;
    };
  }

  private String text(String field) {
    JsonNode value = details.get(field);
    return value == null ? "" : value.asString();
  }

  private static String list(JsonNode values) {
    StringBuilder out = new StringBuilder();
    if (values != null) {
      values.forEach(v -> out.append(out.length() == 0 ? "" : ", ").append(v.asString()));
    }
    return out.toString();
  }
}
