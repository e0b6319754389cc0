package dev.tracepaper.engine;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rows of the model's views, in memory, by view and key. Each view remembers the events it
 * projected, so that an event delivered again changes nothing (the runtime's projector keeps each
 * row's stream versions for the same reason).
 */
public final class ViewStore {

  private final Map<String, Map<String, ObjectNode>> rows = new LinkedHashMap<>();
  private final Map<String, Set<String>> projected = new LinkedHashMap<>();

  /** The rows of {@code view} by key, in key order. */
  public Map<String, ObjectNode> rows(String view) {
    return new TreeMap<>(rows.getOrDefault(view, Map.of()));
  }

  public Optional<ObjectNode> row(String view, String key) {
    return Optional.ofNullable(rows.getOrDefault(view, Map.of()).get(key));
  }

  void put(String view, String key, ObjectNode row) {
    rows.computeIfAbsent(view, v -> new LinkedHashMap<>()).put(key, row);
  }

  void delete(String view, String key) {
    rows.computeIfAbsent(view, v -> new LinkedHashMap<>()).remove(key);
  }

  /** Whether {@code view} sees {@code event} for the first time (and remembers it). */
  boolean firstDelivery(String view, StoredEvent event) {
    return projected
        .computeIfAbsent(view, v -> new HashSet<>())
        .add(event.aggregate() + "\u0000" + event.key() + "\u0000" + event.version());
  }
}
