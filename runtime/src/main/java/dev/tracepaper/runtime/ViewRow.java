package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A view row as stored, with what the view store keeps beside its fields.
 *
 * @param key the value of the view's key field
 * @param fields the row's fields; {@code null} when there is no row or only a tombstone
 * @param versions per event-store stream ({@code Book#<key>}), the last version applied to the row
 * @param revision changes with every write, so that a write can require that nothing else wrote
 *     since the row was read; {@code null} when nothing is stored under the key
 */
public record ViewRow(String key, ObjectNode fields, Map<String, Long> versions, String revision) {

  public ViewRow {
    Objects.requireNonNull(key, "key");
    versions = Map.copyOf(versions);
  }

  /** Nothing stored under {@code key}: no row, no tombstone. */
  public static ViewRow absent(String key) {
    return new ViewRow(key, null, Map.of(), null);
  }

  /** Whether an item (a row or a tombstone) is stored under the key. */
  public boolean stored() {
    return revision != null;
  }

  /** The row's fields unless it does not exist or was deleted. */
  public Optional<ObjectNode> live() {
    return Optional.ofNullable(fields);
  }

  /** Whether {@code event} (or a later event of its stream) was applied to this row already. */
  public boolean hasSeen(StoredEvent event) {
    Long seen = versions.get(event.streamId());
    return seen != null && seen >= event.version();
  }
}
