package dev.tracepaper.runtime.testing;

import dev.tracepaper.runtime.automation.Ledger;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The ledger of automation runs in memory, for tests: never goes back, as the table's does. */
public final class InMemoryLedger implements Ledger {

  private final Map<String, Integer> done = new ConcurrentHashMap<>();

  @Override
  public int done(String automation, String triggerId) {
    return done.getOrDefault(key(automation, triggerId), 0);
  }

  @Override
  public void record(String automation, String triggerId, int steps, Instant now) {
    done.merge(key(automation, triggerId), steps, Math::max);
  }

  private static String key(String automation, String triggerId) {
    return automation + "#" + triggerId;
  }
}
