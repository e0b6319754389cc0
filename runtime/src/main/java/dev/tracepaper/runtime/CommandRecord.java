package dev.tracepaper.runtime;

import java.util.Objects;

/**
 * What the event store remembers of a command sent with a command id: its answer, and the
 * fingerprint of the input it ran with ({@link CommandId#fingerprint()}).
 */
public record CommandRecord(CommandResult result, String fingerprint) {

  public CommandRecord {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * The answer to a command sent again with the same id: the first result when the input is the
   * same, else {@code COMMAND_ID_REUSED}, since the first result is not this command's.
   */
  public CommandResult answer(CommandId commandId) {
    if (!fingerprint.equals(commandId.fingerprint())) {
      throw CommandError.commandIdReused(commandId.id());
    }
    return result;
  }
}
