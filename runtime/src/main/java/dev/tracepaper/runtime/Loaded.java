package dev.tracepaper.runtime;

import java.util.Objects;

/**
 * An aggregate as loaded from the event store: the state after {@code version} events.
 *
 * @param exists false before the first event and after an event that ends the instance
 * @param base the version the state was rebuilt from (its latest snapshot or ending event, else 0);
 *     the store uses it to decide when the next snapshot is due
 * @param staleSnapshot whether loading passed over a snapshot written by another model version
 *     ({@link AggregateType#stateFingerprint()}): the next append writes a fresh one, whatever
 *     {@code snapshotEvery} counts, so the next load reads few events again
 */
public record Loaded<S>(
    String key, S state, long version, boolean exists, long base, boolean staleSnapshot) {

  public Loaded {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    if (version < 0 || base < 0 || base > version) {
      throw new IllegalArgumentException("version " + version + ", base " + base);
    }
  }

  /** An aggregate loaded without passing over a stale snapshot. */
  public Loaded(String key, S state, long version, boolean exists, long base) {
    this(key, state, version, exists, base, false);
  }
}
