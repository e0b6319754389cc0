package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.automation.DynamoDbLedger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of the event-store table (docs/generated-runtime.md). An event item is keyed {@code pk
 * = <Aggregate>#<key>}, {@code sk = version}; an idempotency item {@code pk = Command#<key>},
 * {@code sk = 0}, with the scoped key of {@link CommandId#key()}. Payload, snapshot and command
 * result are JSON strings: they round-trip exactly what the aggregate wrote, and the publisher
 * forwards them without converting attribute maps.
 */
final class EventItems {

  static final String PK = "pk";
  static final String SK = "sk";
  static final String TYPE = "type";
  static final String SCHEMA_VERSION = "schemaVersion";
  static final String PAYLOAD = "payload";
  static final String TIMESTAMP = "timestamp";
  static final String COMMAND_ID = "commandId";
  static final String CORRELATION_ID = "correlationId";
  static final String USER = "user";
  static final String SOURCE = "source";
  static final String STATE = "state";
  static final String SNAPSHOT = "snapshot";

  /**
   * The {@link AggregateType#stateFingerprint()} of the model that wrote the item's {@code state}
   * and {@code snapshot}; an item without it was written before states were versioned.
   */
  static final String STATE_FINGERPRINT = "stateFingerprint";

  static final String RESULT = "result";
  static final String STREAM = "stream";
  static final String EXPIRES_AT = "expiresAt";
  static final String FINGERPRINT = "fingerprint";

  private static final String COMMAND_PREFIX = "Command#";

  private EventItems() {}

  static Map<String, AttributeValue> eventItem(StoredEvent event) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PK, s(event.streamId()));
    item.put(SK, n(event.version()));
    item.put(TYPE, s(event.type()));
    item.put(SCHEMA_VERSION, n(event.schemaVersion()));
    item.put(PAYLOAD, s(Json.write(event.payload())));
    item.put(TIMESTAMP, s(event.timestamp().toString()));
    if (event.commandId() != null) {
      item.put(COMMAND_ID, s(event.commandId()));
    }
    item.put(CORRELATION_ID, s(event.correlationId()));
    item.put(USER, s(event.user()));
    item.put(SOURCE, s(event.source()));
    if (event.state() != null) {
      item.put(STATE, s(Json.write(event.state())));
    }
    if (event.stateFingerprint() != null) {
      item.put(STATE_FINGERPRINT, s(event.stateFingerprint()));
    }
    return item;
  }

  /**
   * Whether items under the partition key {@code pk} are events (not idempotency items, nor the
   * claims of {@link ClaimItems}, nor the automations' ledger items).
   */
  static boolean isEventStream(String pk) {
    return !pk.startsWith(COMMAND_PREFIX)
        && !pk.startsWith(ClaimItems.PREFIX)
        && !pk.startsWith(DynamoDbLedger.PREFIX);
  }

  /** Whether {@code item} is an event (and not an idempotency item). */
  static boolean isEvent(Map<String, AttributeValue> item) {
    return item.containsKey(TYPE);
  }

  static StoredEvent storedEvent(Map<String, AttributeValue> item) {
    String streamId = item.get(PK).s();
    int hash = streamId.indexOf('#');
    AttributeValue commandId = item.get(COMMAND_ID);
    AttributeValue state = item.get(STATE);
    AttributeValue fingerprint = item.get(STATE_FINGERPRINT);
    return new StoredEvent(
        streamId.substring(0, hash),
        streamId.substring(hash + 1),
        version(item),
        item.get(TYPE).s(),
        Integer.parseInt(item.get(SCHEMA_VERSION).n()),
        payload(item),
        Instant.parse(item.get(TIMESTAMP).s()),
        commandId == null ? null : commandId.s(),
        item.get(CORRELATION_ID).s(),
        item.get(USER).s(),
        item.get(SOURCE).s(),
        state == null ? null : (ObjectNode) Json.parse(state.s()),
        fingerprint == null ? null : fingerprint.s());
  }

  static long version(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get(SK).n());
  }

  static ObjectNode payload(Map<String, AttributeValue> item) {
    return (ObjectNode) Json.parse(item.get(PAYLOAD).s());
  }

  static Map<String, AttributeValue> commandKey(CommandId commandId) {
    return Map.of(PK, s(COMMAND_PREFIX + commandId.key()), SK, n(0));
  }

  /**
   * The idempotency item: the command's result and input fingerprint, alive until {@code expiresAt}
   * (also the table's TTL attribute); the id as sent, the caller and the stream it appended to are
   * there for operators.
   */
  static Map<String, AttributeValue> commandItem(
      Metadata meta, String streamId, CommandResult result) {
    CommandId commandId = meta.commandId();
    Map<String, AttributeValue> item = new HashMap<>(commandKey(commandId));
    item.put(COMMAND_ID, s(commandId.id()));
    item.put(USER, s(meta.caller().id()));
    item.put(FINGERPRINT, s(commandId.fingerprint()));
    item.put(STREAM, s(streamId));
    item.put(RESULT, s(Json.write(result.toJson())));
    item.put(EXPIRES_AT, n(meta.now().plus(CommandId.LIFETIME).getEpochSecond()));
    return item;
  }

  /** What an idempotency item records, unless there is no item or it expired before {@code now}. */
  static Optional<CommandRecord> commandRecord(Map<String, AttributeValue> item, Instant now) {
    if (item == null || !item.containsKey(RESULT) || !item.containsKey(FINGERPRINT)) {
      return Optional.empty();
    }
    AttributeValue expiresAt = item.get(EXPIRES_AT);
    if (expiresAt != null && Long.parseLong(expiresAt.n()) <= now.getEpochSecond()) {
      return Optional.empty();
    }
    CommandResult result = CommandResult.fromJson(Json.parse(item.get(RESULT).s()));
    return Optional.of(new CommandRecord(result, item.get(FINGERPRINT).s()));
  }

  /**
   * An item image of a DynamoDB stream record ({@code {"pk": {"S": "Book#1"}, ...}}) as attribute
   * values. Only the string and number attributes this table uses are kept.
   */
  static Map<String, AttributeValue> fromStreamImage(JsonNode image) {
    Map<String, AttributeValue> item = new HashMap<>();
    for (Map.Entry<String, JsonNode> attribute : image.properties()) {
      JsonNode value = attribute.getValue();
      if (value.has("S")) {
        item.put(attribute.getKey(), s(value.get("S").asText()));
      } else if (value.has("N")) {
        item.put(attribute.getKey(), AttributeValue.fromN(value.get("N").asText()));
      }
    }
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
