package dev.tracepaper.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StepClockTest {

  @Test
  void aStepsMomentHoldsUntilTheStepEndsThenTheSystemsTimeRunsAgain() {
    StepClock clock = new StepClock();
    Instant moment = Instant.parse("2099-12-01T09:29:59Z");

    clock.set(moment);
    Instant during = clock.instant();
    Instant inAnotherZone = clock.withZone(ZoneId.of("Europe/Amsterdam")).instant();
    clock.set(null);
    Instant after = clock.instant();

    assertEquals(moment, during);
    assertEquals(moment, inAnotherZone);
    assertNotEquals(moment, after);
    assertTrue(Duration.between(after, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0);
  }
}
