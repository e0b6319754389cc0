package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A side effect an automation performed, in the shape {@code tracepaper test} previews it: {@code
 * email} {from, to[], subject, body}; {@code http} {method, url, headers{}, body?}; {@code
 * s3Object} {bucket, key, content}; {@code command} {send, with{}, as?}.
 */
public record Performed(String kind, ObjectNode details) {

  public Performed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(details, "details");
  }

  /** One line for a failure: what was sent where. */
  public String describe() {
    return switch (kind) {
      case "email" -> "e-mail to %s, subject \"%s\"".formatted(list("to"), text("subject"));
      case "http" -> "HTTP %s %s".formatted(text("method"), text("url"));
      case "s3Object" -> "S3 object %s in bucket %s".formatted(text("key"), text("bucket"));
      case "command" -> "command %s %s".formatted(text("send"), details.get("with"));
      default -> kind + " " + details;
    };
  }

  private String text(String field) {
    return details.path(field).asText();
  }

  private String list(String field) {
    StringBuilder out = new StringBuilder();
    for (JsonNode value : details.path(field)) {
      out.append(out.length() == 0 ? "" : ", ").append(value.asText());
    }
    return out.toString();
  }
}
