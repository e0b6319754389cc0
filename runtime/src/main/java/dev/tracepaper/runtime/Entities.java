package dev.tracepaper.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Changes an entity collection item by item, as an event's {@code apply} says: {@code upsert}
 * changes the item with that key in place or adds it at the end; {@code remove} drops it. The lists
 * are never changed in place: states are values.
 */
public final class Entities {

  private Entities() {}

  /**
   * @param change makes the new item from the old one ({@code null} when the key is new)
   */
  public static <T, K> List<T> upsert(
      List<T> items, Function<T, K> keyOf, K key, UnaryOperator<T> change) {
    List<T> changed = new ArrayList<>(items == null ? List.of() : items);
    for (int i = 0; i < changed.size(); i++) {
      if (Objects.equals(keyOf.apply(changed.get(i)), key)) {
        changed.set(i, change.apply(changed.get(i)));
        return Collections.unmodifiableList(changed);
      }
    }
    changed.add(change.apply(null));
    return Collections.unmodifiableList(changed);
  }

  public static <T, K> List<T> remove(List<T> items, Function<T, K> keyOf, K key) {
    List<T> kept = new ArrayList<>(items == null ? List.of() : items);
    kept.removeIf(item -> Objects.equals(keyOf.apply(item), key));
    return Collections.unmodifiableList(kept);
  }
}
