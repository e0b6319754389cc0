package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@link Counter} as a later model declares it, and as generated code upcasts: version 1 of
 * {@code CounterIncremented} was stored as {@code CounterBumped {amount}}; version 2 renamed the
 * event and the field ({@code renamedFrom: [CounterBumped]}, {@code by: old.amount}). {@link
 * #VERSION_1} is the older model itself, to store events the way it did.
 */
final class UpcastingCounter implements AggregateType<Counter.State, Counter.Event> {

  static final UpcastingCounter VERSION_2 = new UpcastingCounter(false);
  static final UpcastingCounter VERSION_1 = new UpcastingCounter(true);

  private final boolean older;

  private UpcastingCounter(boolean older) {
    this.older = older;
  }

  @Override
  public StoredEvent upcast(StoredEvent stored) {
    if (older) {
      return switch (stored.type()) {
        case "CounterCreated", "CounterBumped", "CounterDeleted" ->
            EventVersions.upcast(stored, stored.type(), 1);
        default -> throw UnreadableEventException.unknownType(stored);
      };
    }
    return switch (stored.type()) {
      case "CounterCreated", "CounterDeleted" -> EventVersions.upcast(stored, stored.type(), 1);
      case "CounterIncremented", "CounterBumped" ->
          EventVersions.upcast(stored, "CounterIncremented", 2, UpcastingCounter::incremented);
      default -> throw UnreadableEventException.unknownType(stored);
    };
  }

  /** What generated code does for one version step: {@code by: old.amount}. */
  private static ObjectNode incremented(int version, ObjectNode old) {
    return Json.object().put("by", old.path("amount").asInt());
  }

  /** The state's rules are Counter's in both versions: only the events' shape changed. */
  @Override
  public String stateFingerprint() {
    return Counter.PLAIN.stateFingerprint();
  }

  @Override
  public String eventType(Counter.Event event) {
    String type = Counter.PLAIN.eventType(event);
    return older && type.equals("CounterIncremented") ? "CounterBumped" : type;
  }

  @Override
  public int schemaVersion(Counter.Event event) {
    return !older && event instanceof Counter.Incremented ? 2 : 1;
  }

  @Override
  public ObjectNode eventToJson(Counter.Event event) {
    if (older && event instanceof Counter.Incremented incremented) {
      return Json.object().put("amount", incremented.by());
    }
    return Counter.PLAIN.eventToJson(event);
  }

  @Override
  public Counter.Event eventFromJson(String type, JsonNode payload) {
    if (type.equals("CounterBumped")) {
      return new Counter.Incremented(payload.path("amount").asInt());
    }
    return Counter.PLAIN.eventFromJson(type, payload);
  }

  @Override
  public String name() {
    return Counter.PLAIN.name();
  }

  @Override
  public String source() {
    return Counter.PLAIN.source();
  }

  @Override
  public Counter.State empty() {
    return Counter.PLAIN.empty();
  }

  @Override
  public Counter.State apply(Counter.State state, Counter.Event event) {
    return Counter.PLAIN.apply(state, event);
  }

  @Override
  public boolean endsInstance(Counter.Event event) {
    return Counter.PLAIN.endsInstance(event);
  }

  @Override
  public ObjectNode stateToJson(Counter.State state) {
    return Counter.PLAIN.stateToJson(state);
  }

  @Override
  public Counter.State stateFromJson(JsonNode json) {
    return Counter.PLAIN.stateFromJson(json);
  }

  @Override
  public int snapshotEvery() {
    return 0;
  }
}
