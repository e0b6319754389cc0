package dev.tracepaper.runtime.automation;

import dev.tracepaper.runtime.StoredEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What started a run: an event, a schedule or a deployment.
 *
 * @param id what tells this trigger from every other of the automation, the same on every delivery
 *     of it: an event's {@code <streamId>:<version>}, a schedule's time (ISO 8601), a deployment's
 *     CloudFormation request id
 * @param time the run's {@code now}: the event's timestamp, the scheduled time, the deployment's
 *     time; never the clock, so that a redelivery decides as the first delivery did
 * @param event the triggering event, for an automation {@code on} an event
 */
public record Trigger(String id, Instant time, Optional<StoredEvent> event) {

  public Trigger {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
  }

  /** The trigger of a stored event: its stream id and version, at its timestamp. */
  public static Trigger of(StoredEvent event) {
    return new Trigger(
        event.streamId() + ":" + event.version(), event.timestamp(), Optional.of(event));
  }

  /** The trigger of a schedule at {@code scheduled}. */
  public static Trigger schedule(Instant scheduled) {
    return new Trigger(scheduled.toString(), scheduled, Optional.empty());
  }

  /**
   * The trigger of the deployment CloudFormation's request {@code requestId} made at {@code time}.
   */
  public static Trigger deployment(String requestId, Instant time) {
    return new Trigger(requestId, time, Optional.empty());
  }
}
