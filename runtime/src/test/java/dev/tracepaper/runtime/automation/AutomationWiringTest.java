package dev.tracepaper.runtime.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracepaper.runtime.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime's side of what the generated infrastructure sends an automation, read from the
 * generator's templates ({@code tracepaper.templates}) rather than written again here: the message
 * EventBridge Scheduler puts on the queue, once it has filled in the scheduled time, is a trigger
 * of that time. (moto_server keeps schedules but does not run them, so this is where the two ends
 * meet.)
 */
class AutomationWiringTest {

  private static final Path TEMPLATE =
      Path.of(System.getProperty("tracepaper.templates", "../templates"), "lib/automation.ftl");

  @Test
  void theSchedulersMessageIsATriggerOfTheScheduledTime() throws IOException {
    Matcher input = Pattern.compile("(?m)^ +Input: '(.*)'$").matcher(Files.readString(TEMPLATE));
    assertTrue(input.find(), "the schedule's Input in " + TEMPLATE);
    // What the scheduler sends: its context attribute replaced by the time, in ISO 8601.
    String sent = input.group(1).replace("<aws.scheduler.scheduled-time>", "2027-01-04T08:00:00Z");

    Trigger trigger = Deliveries.trigger(Json.parse(sent));

    assertEquals(Trigger.schedule(Instant.parse("2027-01-04T08:00:00Z")), trigger);
  }
}
