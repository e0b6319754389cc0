package dev.tracepaper.runtime.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a scenario's handlers: the system's, except during a step that runs at a moment of
 * its own ({@code at:} in the model), when the command and what follows it read that moment.
 */
final class StepClock extends Clock {

  private volatile Instant fixed;

  /** From now on, the moment {@code moment}; {@code null} for the system's time again. */
  void set(Instant moment) {
    fixed = moment;
  }

  @Override
  public Instant instant() {
    Instant moment = fixed;
    return moment != null ? moment : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    // The handlers read instants only; a zone changes nothing they see.
    return this;
  }
}
