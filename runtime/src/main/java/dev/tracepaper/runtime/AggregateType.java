package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What the runtime needs to know about one aggregate: how events change its state, and how events
 * and state are written to and read from JSON. Generated per aggregate ({@code BookAggregate});
 * implementations are stateless singletons.
 *
 * @param <S> the state record
 * @param <E> the sealed event interface
 */
public interface AggregateType<S, E> {

  /** The aggregate's name ({@code Book}); event-store keys are {@code Book#<key>}. */
  String name();

  /** The EventBridge source of its events: {@code <app>.<Subdomain>.<Aggregate>}. */
  String source();

  /** The state before the first event, and again after an event that ends the instance. */
  S empty();

  S apply(S state, E event);

  /** Whether {@code event} ends the instance ({@code deleted: true} in the model). */
  boolean endsInstance(E event);

  String eventType(E event);

  /** The version of the event's payload layout: the event's {@code version} in the model. */
  int schemaVersion(E event);

  ObjectNode eventToJson(E event);

  /** Reads a payload of the current version ({@link #readEvent} reads any stored one). */
  E eventFromJson(String type, JsonNode payload);

  /**
   * {@code stored} in the shape this model writes: an event stored under a name it was {@code
   * renamedFrom} gets its current name, one stored with an older version is upcast step by step to
   * the current one. Every read path calls it before the payload becomes a typed event; the store
   * is never rewritten. The default reads events as they were stored (hand-written types of tests).
   *
   * @throws UnreadableEventException for a type this code does not know, or a version newer than
   *     the one it writes
   */
  default StoredEvent upcast(StoredEvent stored) {
    return stored;
  }

  /** The typed event of a stored one, whichever model version stored it. */
  default E readEvent(StoredEvent stored) {
    StoredEvent current = upcast(stored);
    // A copy: the event's record may keep parts of the payload, which the caller still holds.
    return eventFromJson(current.type(), current.payload().deepCopy());
  }

  ObjectNode stateToJson(S state);

  S stateFromJson(JsonNode json);

  /**
   * A short hash of the state's shape and of how every event changes it, computed by the generator
   * from the model. Snapshots and the states stored on events carry the fingerprint of the model
   * that wrote them; one with another fingerprint (or none) is stale and never read as the state:
   * the aggregate is folded from its events with the current rules instead (docs/runtime.md).
   */
  String stateFingerprint();

  /** Store a snapshot of the state at least every this many events; 0 = never. */
  int snapshotEvery();

  /** Days after which stored events expire (DynamoDB TTL); 0 = kept forever. */
  default int retentionDays() {
    return 0;
  }

  /**
   * Whether each stored event carries the state right after it (attribute {@code state}): true for
   * an aggregate that feeds a {@code from} view, whose rows are then computed from the event-store
   * stream alone, without reading the aggregate back.
   */
  default boolean streamsState() {
    return false;
  }

  /**
   * The values {@code state} holds of the aggregate's {@code unique} constraints, one claim per
   * constraint whose values are all present; none for an aggregate without constraints.
   */
  default List<UniqueConstraint.Claim> claims(S state) {
    return List.of();
  }
}
