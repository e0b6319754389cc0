package dev.tracepaper.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The instances of the model's aggregates, in memory: each with its events and the state they left,
 * as the runtime's event store keeps them.
 */
public final class EventStore {

  /**
   * One instance: its events in order, its state after them, and whether it exists (an event with
   * {@code deleted: true} ended it; a seeded state exists without events).
   */
  public record Instance(
      String aggregate, String key, List<StoredEvent> history, ObjectNode state, boolean exists) {
    public Instance {
      history = List.copyOf(history);
    }

    /** The version of its last event (0: none). */
    public long version() {
      return history.isEmpty() ? 0 : history.get(history.size() - 1).version();
    }
  }

  private final Map<String, Map<String, Instance>> instances = new LinkedHashMap<>();

  public Optional<Instance> find(String aggregate, String key) {
    return Optional.ofNullable(instances.getOrDefault(aggregate, Map.of()).get(key));
  }

  /** The instances of {@code aggregate}, in the order they were first stored. */
  public List<Instance> instances(String aggregate) {
    return new ArrayList<>(instances.getOrDefault(aggregate, Map.of()).values());
  }

  void put(Instance instance) {
    instances
        .computeIfAbsent(instance.aggregate(), a -> new LinkedHashMap<>())
        .put(instance.key(), instance);
  }
}
