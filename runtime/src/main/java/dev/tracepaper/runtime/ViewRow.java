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
 * @param versions per event-store stream ({@code Book#<key>}), the last version applied to the row,
 *     as far as the row's item holds them: a row written without a read holds its one stream's; a
 *     row written after a read keeps its streams' versions beside it ({@link DynamoDbViewStore}),
 *     so this map holds only what such a row held before the runtime kept them apart
 * @param revision changes with every write, so that a write can require that nothing else wrote
 *     since the row was read; {@code null} when nothing is stored under the key
 * @param incarnation names the versions kept beside the row: a fresh id when the row's item is
 *     created, kept by every later write (a tombstone too), so that a row created again after its
 *     item was removed starts with no versions; {@code null} when the item has none yet
 */
public record ViewRow(
    String key,
    ObjectNode fields,
    Map<String, Long> versions,
    String revision,
    String incarnation) {

  public ViewRow {
    Objects.requireNonNull(key, "key");
    versions = Map.copyOf(versions);
  }

  /** A row whose versions are all in its item. */
  public ViewRow(String key, ObjectNode fields, Map<String, Long> versions, String revision) {
    this(key, fields, versions, revision, null);
  }

  /** Nothing stored under {@code key}: no row, no tombstone. */
  public static ViewRow absent(String key) {
    return new ViewRow(key, null, Map.of(), null, null);
  }

  /** Whether an item (a row or a tombstone) is stored under the key. */
  public boolean stored() {
    return revision != null;
  }

  /** The row's fields unless it does not exist or was deleted. */
  public Optional<ObjectNode> live() {
    return Optional.ofNullable(fields);
  }

  /**
   * Whether the row's item shows that {@code event} (or a later event of its stream) was applied
   * already. Versions kept beside the row are checked by the write itself.
   */
  public boolean hasSeen(StoredEvent event) {
    Long seen = versions.get(event.streamId());
    return seen != null && seen >= event.version();
  }
}
