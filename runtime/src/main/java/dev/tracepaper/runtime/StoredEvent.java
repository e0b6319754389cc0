package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event as the event store holds it, independent of the aggregate's Java types. Its JSON form
 * ({@link #toJson()}) is the {@code detail} of the EventBridge event the publisher sends.
 *
 * @param aggregate the aggregate's name ({@code Book})
 * @param key the aggregate key
 * @param version 1 for the aggregate's first event, then contiguous
 * @param commandId the idempotency key of the command that appended it, or {@code null}
 * @param user the id of the caller who ran that command ({@link Caller#id()}); events stored before
 *     callers had ids hold the caller's name
 * @param state the aggregate's state right after this event, or {@code null}: only aggregates that
 *     feed a {@code from} view store it ({@link AggregateType#streamsState()}), so that the
 *     projector computes their rows from the stream record alone
 * @param stateFingerprint the {@link AggregateType#stateFingerprint()} of the model that computed
 *     {@code state} (and the snapshot of the same item), or {@code null} when there is none or the
 *     item was written before states carried one: such a state is stale
 */
public record StoredEvent(
    String aggregate,
    String key,
    long version,
    String type,
    int schemaVersion,
    ObjectNode payload,
    Instant timestamp,
    String commandId,
    String correlationId,
    String user,
    String source,
    ObjectNode state,
    String stateFingerprint) {

  public StoredEvent {
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(source, "source");
  }

  /** An event without the state after it. */
  public StoredEvent(
      String aggregate,
      String key,
      long version,
      String type,
      int schemaVersion,
      ObjectNode payload,
      Instant timestamp,
      String commandId,
      String correlationId,
      String user,
      String source) {
    this(
        aggregate,
        key,
        version,
        type,
        schemaVersion,
        payload,
        timestamp,
        commandId,
        correlationId,
        user,
        source,
        null,
        null);
  }

  /** This event without its state: what leaves the app (the bus has a 256 KB entry limit). */
  public StoredEvent withoutState() {
    return state == null && stateFingerprint == null ? this : withState(null, null);
  }

  /** This event with the state after it, as the model of {@code fingerprint} computes it. */
  public StoredEvent withState(ObjectNode newState, String fingerprint) {
    return new StoredEvent(
        aggregate,
        key,
        version,
        type,
        schemaVersion,
        payload,
        timestamp,
        commandId,
        correlationId,
        user,
        source,
        newState,
        fingerprint);
  }

  /** Whether {@link #state()} was computed by the model of {@code fingerprint}: it can be used. */
  public boolean hasStateOf(String fingerprint) {
    return state != null && fingerprint.equals(stateFingerprint);
  }

  /**
   * This event as a newer model writes it: another type name (it was {@code renamedFrom}), version
   * and payload; where and when it was stored stay as they are.
   */
  public StoredEvent upcastTo(String newType, int newSchemaVersion, ObjectNode newPayload) {
    return new StoredEvent(
        aggregate,
        key,
        version,
        newType,
        newSchemaVersion,
        newPayload,
        timestamp,
        commandId,
        correlationId,
        user,
        source,
        state,
        stateFingerprint);
  }

  /** The stream id of this event's aggregate: {@code Book#<key>}. */
  public String streamId() {
    return streamId(aggregate, key);
  }

  public static String streamId(String aggregate, String key) {
    return aggregate + "#" + key;
  }

  /** The JSON form: the {@code detail} of the event on the bus. */
  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("aggregate", aggregate);
    json.put("key", key);
    json.put("version", version);
    json.put("type", type);
    json.put("schemaVersion", schemaVersion);
    json.set("payload", payload);
    json.put("timestamp", timestamp.toString());
    if (commandId != null) {
      json.put("commandId", commandId);
    }
    json.put("correlationId", correlationId);
    json.put("user", user);
    json.put("source", source);
    if (state != null) {
      json.set("state", state);
    }
    if (stateFingerprint != null) {
      json.put("stateFingerprint", stateFingerprint);
    }
    return json;
  }

  /** Reads {@link #toJson()}'s form back, e.g. the {@code detail} a policy handler receives. */
  public static StoredEvent fromJson(JsonNode json) {
    JsonNode payload = json.path("payload");
    JsonNode commandId = json.get("commandId");
    JsonNode state = json.get("state");
    JsonNode fingerprint = json.get("stateFingerprint");
    return new StoredEvent(
        json.path("aggregate").asText(),
        json.path("key").asText(),
        json.path("version").asLong(),
        json.path("type").asText(),
        json.path("schemaVersion").asInt(1),
        payload.isObject() ? (ObjectNode) payload : Json.object(),
        Instant.parse(json.path("timestamp").asText()),
        commandId == null || commandId.isNull() ? null : commandId.asText(),
        json.path("correlationId").asText(),
        json.path("user").asText(),
        json.path("source").asText(),
        state != null && state.isObject() ? (ObjectNode) state : null,
        fingerprint == null || fingerprint.isNull() ? null : fingerprint.asText());
  }
}
