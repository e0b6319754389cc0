package dev.tracepaper.runtime;

import java.util.Objects;

/**
 * An aggregate as loaded from the event store: the state after {@code version} events.
 *
 * @param exists false before the first event and after an event that ends the instance
 * @param base the version the state was rebuilt from (its latest snapshot or ending event, else 0);
 *     the store uses it to decide when the next snapshot is due
 */
public record Loaded<S>(String key, S state, long version, boolean exists, long base) {

  public Loaded {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    if (version < 0 || base < 0 || base > version) {
      throw new IllegalArgumentException("version " + version + ", base " + base);
    }
  }
}
