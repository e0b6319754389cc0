package dev.tracepaper.runtime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The context of one command, stored with every event it appends.
 *
 * @param commandId the client's idempotency key, scoped to the caller and the operation, or {@code
 *     null} when the client sent none
 * @param correlationId ties together everything one client request caused
 * @param caller who runs the command
 * @param now the one instant the whole command sees (rules, event timestamps)
 */
public record Metadata(CommandId commandId, String correlationId, Caller caller, Instant now) {

  public Metadata {
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(now, "now");
  }

  /** The {@code today} of the model's expressions: the UTC date of {@link #now()}. */
  public LocalDate today() {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
