package dev.tracepaper.runtime;

import java.util.SplittableRandom;

/** Exponential backoff with full jitter, for retries of the view store and the projector. */
final class Backoff {

  /** The first backoff; each later one doubles. */
  private static final long FIRST_MILLIS = 10;

  private Backoff() {}

  /** Sleeps before retry number {@code attempt} (from 1). */
  static void sleep(int attempt) {
    long bound = FIRST_MILLIS << Math.min(attempt - 1, 10);
    try {
      // Seeded now, not at class initialization: Lambda environments restored from one SnapStart
      // snapshot must not share a random sequence, or their retries would collide again.
      Thread.sleep(new SplittableRandom(System.nanoTime()).nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
