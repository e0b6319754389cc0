package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracepaper.runtime.automation.Trigger;
import dev.tracepaper.runtime.testing.AutomationTriggers;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A test's event trigger is the event as the application stores it. */
class AutomationTriggersTest {

  @Test
  void anEventIsStoredThroughItsAggregatesCodec() {
    Instant at = Instant.parse("2027-01-04T08:00:00Z");

    Trigger trigger =
        AutomationTriggers.event(
            Counter.PLAIN, "CounterIncremented", "{\"by\": 2, \"ignored\": true}", at);

    StoredEvent event = trigger.event().orElseThrow();
    assertEquals("Counter#test:1", trigger.id());
    assertEquals(at, trigger.time());
    assertEquals("Counter", event.aggregate());
    assertEquals("CounterIncremented", event.type());
    assertEquals(1, event.schemaVersion());
    assertEquals("{\"by\":2}", Json.write(event.payload()));
    assertEquals("sample.Counting.Counter", event.source());
    assertEquals(event, Counter.PLAIN.upcast(event));
  }
}
