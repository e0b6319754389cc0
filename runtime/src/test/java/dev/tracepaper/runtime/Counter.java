package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small aggregate for the runtime's own tests: a counter that is created, incremented and
 * deleted. Its state depends on the order of its events ({@code last}), so a wrong replay shows.
 */
final class Counter implements AggregateType<Counter.State, Counter.Event> {

  record State(long total, int last) {}

  sealed interface Event {}

  record Created() implements Event {}

  record Incremented(int by) implements Event {}

  record Deleted() implements Event {}

  static final Counter PLAIN = new Counter(0, 0);

  /** Stores the state after each event, as an aggregate that feeds a {@code from} view does. */
  static final Counter STREAMING = new Counter(0, 0, true);

  private final int snapshotEvery;
  private final int retentionDays;
  private final boolean streamsState;
  private final int factor;

  Counter(int snapshotEvery, int retentionDays) {
    this(snapshotEvery, retentionDays, false);
  }

  Counter(int snapshotEvery, int retentionDays, boolean streamsState) {
    this(snapshotEvery, retentionDays, streamsState, 1);
  }

  /**
   * @param factor what an increment is multiplied by when applied: a model whose {@code apply} rule
   *     changed has another factor, and so another {@link #stateFingerprint()}
   */
  Counter(int snapshotEvery, int retentionDays, boolean streamsState, int factor) {
    this.snapshotEvery = snapshotEvery;
    this.retentionDays = retentionDays;
    this.streamsState = streamsState;
    this.factor = factor;
  }

  /** This counter with its increments applied {@code newFactor} times: a changed apply rule. */
  Counter withFactor(int newFactor) {
    return new Counter(snapshotEvery, retentionDays, streamsState, newFactor);
  }

  @Override
  public String name() {
    return "Counter";
  }

  @Override
  public String source() {
    return "sample.Counting.Counter";
  }

  @Override
  public State empty() {
    return new State(0, 0);
  }

  @Override
  public State apply(State state, Event event) {
    if (event instanceof Incremented incremented) {
      return new State(state.total() + (long) factor * incremented.by(), incremented.by());
    }
    return event instanceof Created ? new State(0, 0) : state;
  }

  @Override
  public boolean endsInstance(Event event) {
    return event instanceof Deleted;
  }

  @Override
  public String eventType(Event event) {
    if (event instanceof Created) {
      return "CounterCreated";
    }
    return event instanceof Incremented ? "CounterIncremented" : "CounterDeleted";
  }

  @Override
  public int schemaVersion(Event event) {
    return 1;
  }

  @Override
  public ObjectNode eventToJson(Event event) {
    ObjectNode json = Json.object();
    if (event instanceof Incremented incremented) {
      json.put("by", incremented.by());
    }
    return json;
  }

  @Override
  public Event eventFromJson(String type, JsonNode payload) {
    return switch (type) {
      case "CounterCreated" -> new Created();
      case "CounterIncremented" -> new Incremented(payload.path("by").asInt());
      case "CounterDeleted" -> new Deleted();
      default -> throw new IllegalArgumentException("unknown Counter event " + type);
    };
  }

  @Override
  public ObjectNode stateToJson(State state) {
    return Json.object().put("total", state.total()).put("last", state.last());
  }

  @Override
  public State stateFromJson(JsonNode json) {
    return new State(json.path("total").asLong(), json.path("last").asInt());
  }

  @Override
  public String stateFingerprint() {
    return "counter-x" + factor;
  }

  @Override
  public int snapshotEvery() {
    return snapshotEvery;
  }

  @Override
  public int retentionDays() {
    return retentionDays;
  }

  @Override
  public boolean streamsState() {
    return streamsState;
  }
}
