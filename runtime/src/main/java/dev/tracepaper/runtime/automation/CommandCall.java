package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A command an automation sends to the application's own aggregates.
 *
 * @param send {@code Aggregate.Command}
 * @param as the role the automation's caller holds, if the model gives one
 * @param with the command's input as JSON, for records and logs
 * @param commandId the command's idempotency key: {@code <automation>:<triggerId>:<step>}
 */
public record CommandCall(String send, Optional<String> as, JsonNode with, String commandId) {

  public CommandCall {
    Objects.requireNonNull(send, "send");
    Objects.requireNonNull(as, "as");
    Objects.requireNonNull(with, "with");
    Objects.requireNonNull(commandId, "commandId");
  }
}
