package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.AggregateType;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.StoredEvent;
import dev.tracepaper.runtime.automation.Trigger;
import java.time.Instant;

/** The triggers of automations in tests: an event as the store would have stored it. */
public final class AutomationTriggers {

  /** The key of the aggregate instance a test's event belongs to. */
  public static final String KEY = "test";

  private AutomationTriggers() {}

  /**
   * The trigger of the event {@code eventType} of an aggregate of {@code type} with {@code
   * payloadJson} (in the model's current shape, read and written back by the aggregate's codec, so
   * that it is stored as the application would store it), at {@code time}: the first event of the
   * instance {@value #KEY}.
   */
  public static Trigger event(
      AggregateType<?, ?> type, String eventType, String payloadJson, Instant time) {
    return Trigger.of(stored(type, eventType, Json.parse(payloadJson), time));
  }

  private static <S, E> StoredEvent stored(
      AggregateType<S, E> type, String eventType, JsonNode payload, Instant time) {
    E event = type.eventFromJson(eventType, payload);
    return new StoredEvent(
        type.name(),
        KEY,
        1,
        type.eventType(event),
        type.schemaVersion(event),
        type.eventToJson(event),
        time,
        null,
        "test-" + eventType,
        "test",
        type.source());
  }
}
