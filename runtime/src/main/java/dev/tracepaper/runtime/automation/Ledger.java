package dev.tracepaper.runtime.automation;

import java.time.Instant;

/**
 * How many side effects of a run are done, by automation and trigger: a redelivered trigger skips
 * those and performs the rest ({@link DynamoDbLedger} in the event store's table; an in-memory one
 * in tests).
 */
public interface Ledger {

  /** The number of side effects of this trigger's run already performed, in order; 0 if none. */
  int done(String automation, String triggerId);

  /** Records that the first {@code done} side effects are performed, {@code now} by the clock. */
  void record(String automation, String triggerId, int done, Instant now);
}
