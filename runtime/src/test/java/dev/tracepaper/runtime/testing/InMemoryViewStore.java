package dev.tracepaper.runtime.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AttributeValues;
import dev.tracepaper.runtime.Projection;
import dev.tracepaper.runtime.RowChange;
import dev.tracepaper.runtime.StoredEvent;
import dev.tracepaper.runtime.ViewRow;
import dev.tracepaper.runtime.ViewStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A {@link ViewStore} in memory, for tests without AWS: the same version rule, tombstones,
 * revisions and versions kept beside rows written after a read as {@link DynamoDbViewStore}. Rows
 * go through the same attribute conversion, so they hold exactly what a DynamoDB item would (no
 * null fields, numbers as their decimal text). Rows do not expire.
 */
public final class InMemoryViewStore implements ViewStore {

  /** A stored row; {@code fields} is {@code null} for a tombstone. */
  private record Item(
      ObjectNode fields, Map<String, Long> versions, String revision, String incarnation) {}

  private final Map<String, Map<String, Item>> views = new HashMap<>();

  /** The versions kept beside rows written after a read, by view and incarnation. */
  private final Map<String, Map<String, Long>> versionsBeside = new HashMap<>();

  @Override
  public synchronized ViewRow read(Projection view, String key) {
    Item item = rows(view).get(key);
    if (item == null) {
      return ViewRow.absent(key);
    }
    ObjectNode fields = item.fields() == null ? null : item.fields().deepCopy();
    return new ViewRow(key, fields, item.versions(), item.revision(), item.incarnation());
  }

  @Override
  public synchronized Write write(Projection view, StoredEvent event, RowChange change) {
    Item current = rows(view).get(change.key());
    if (current != null && seen(current.versions(), event)) {
      return Write.STALE;
    }
    store(view, change, Map.of(event.streamId(), event.version()), null);
    return Write.APPLIED;
  }

  @Override
  public synchronized Write write(
      Projection view, StoredEvent event, RowChange change, ViewRow read) {
    if (read.hasSeen(event)) {
      return Write.STALE;
    }
    Item current = rows(view).get(change.key());
    String revision = current == null ? null : current.revision();
    if (revision == null ? read.stored() : !revision.equals(read.revision())) {
      return Write.CHANGED;
    }
    String incarnation =
        read.incarnation() == null ? UUID.randomUUID().toString() : read.incarnation();
    Map<String, Long> beside =
        versionsBeside.computeIfAbsent(view.view() + "/" + incarnation, k -> new HashMap<>());
    if (seen(beside, event)) {
      return Write.STALE;
    }
    beside.put(event.streamId(), event.version());
    store(view, change, read.versions(), incarnation);
    return Write.APPLIED;
  }

  /**
   * Stores {@code fields} as the row of {@code view} under {@code key}, as if events had written
   * it: for tests of code that reads views (custom queries).
   */
  public synchronized void put(Projection view, String key, ObjectNode fields) {
    rows(view).put(key, new Item(fields.deepCopy(), Map.of(), null, null));
  }

  /** Pages of {@value #PAGE} keys in key order. */
  @Override
  public synchronized Cleared deletePage(Projection view, String after) {
    TreeMap<String, Item> rows = new TreeMap<>(rows(view));
    List<String> page =
        (after == null ? rows : rows.tailMap(after, false)).keySet().stream().limit(PAGE).toList();
    page.forEach(rows(view)::remove);
    String last = page.isEmpty() ? null : page.get(page.size() - 1);
    return new Cleared(page.size(), last != null && rows.higherKey(last) != null ? last : null);
  }

  private static final int PAGE = 100;

  /** The live rows of {@code view} by key, tombstones left out. */
  public synchronized Map<String, ObjectNode> rows(String view) {
    Map<String, ObjectNode> live = new TreeMap<>();
    views
        .getOrDefault(view, Map.of())
        .forEach(
            (key, item) -> {
              if (item.fields() != null) {
                live.put(key, item.fields().deepCopy());
              }
            });
    return live;
  }

  private void store(
      Projection view, RowChange change, Map<String, Long> versions, String incarnation) {
    ObjectNode fields = null;
    if (change instanceof RowChange.Put put) {
      fields = AttributeValues.fields(AttributeValues.item(put.row()));
      fields.put(view.keyField(), change.key());
    }
    rows(view)
        .put(
            change.key(),
            new Item(fields, Map.copyOf(versions), UUID.randomUUID().toString(), incarnation));
  }

  private Map<String, Item> rows(Projection view) {
    return views.computeIfAbsent(view.view(), name -> new HashMap<>());
  }

  private static boolean seen(Map<String, Long> versions, StoredEvent event) {
    Long seen = versions.get(event.streamId());
    return seen != null && seen >= event.version();
  }
}
