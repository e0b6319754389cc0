package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.StoredEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The triggers as messages of an automation's queue tell them. */
final class Deliveries {

  private Deliveries() {}

  /**
   * The trigger in a message's body: a bus event (its {@code detail} the stored event), {@code
   * {"schedule": "<ISO time>"}} (the scheduler's) or {@code {"deployment": "<request id>", "time":
   * "<ISO time>"}} (sent by the automation's own deployment hook).
   */
  static Trigger trigger(JsonNode body) {
    if (body.path("detail").isObject()) {
      return Trigger.of(StoredEvent.fromJson(body.get("detail")));
    }
    if (body.path("schedule").isTextual()) {
      return Trigger.schedule(time(body, "schedule"));
    }
    if (body.path("deployment").isTextual()) {
      return Trigger.deployment(body.get("deployment").asText(), time(body, "time"));
    }
    throw new IllegalArgumentException(
        "not a trigger of an automation: a bus event, {\"schedule\": <time>} or"
            + " {\"deployment\": <id>, \"time\": <time>} was expected");
  }

  /** The message for the run of the deployment {@code requestId} at {@code time}. */
  static String deployment(String requestId, Instant time) {
    return Json.write(Json.object().put("deployment", requestId).put("time", time.toString()));
  }

  private static Instant time(JsonNode body, String field) {
    try {
      return Instant.parse(body.path(field).asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "`" + field + "` is not an ISO 8601 time: " + body.path(field), e);
    }
  }
}
