package dev.tracepaper.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A command that fails for a reason the client should see: a rule of the model ({@code
 * NO_COPIES_LEFT}), invalid input, a missing or existing aggregate, a lost race, a caller without
 * rights, or a command id sent again with another input. {@link Responses} turns it into the
 * GraphQL error whose type is {@link #code()}.
 *
 * <p>It carries no stack trace: it is an expected outcome, not a bug, and filling in the trace
 * would cost time on every rejected command.
 */
public final class CommandError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String VALIDATION = "VALIDATION";
  public static final String NOT_FOUND = "NOT_FOUND";
  public static final String ALREADY_EXISTS = "ALREADY_EXISTS";
  public static final String CONFLICT = "CONFLICT";
  public static final String UNAUTHORIZED = "UNAUTHORIZED";
  public static final String COMMAND_ID_REUSED = "COMMAND_ID_REUSED";
  public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

  private final String code;
  private final transient List<FieldError> fields;

  private CommandError(String code, String message, List<FieldError> fields) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
    this.fields = List.copyOf(fields);
  }

  /** A {@code require} of the model that does not hold; {@code code} is the rule's code. */
  public static CommandError rule(String code, String message) {
    return new CommandError(code, message, List.of());
  }

  public static CommandError validation(List<FieldError> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a validation error needs at least one field error");
    }
    return new CommandError(VALIDATION, "Invalid input", fields);
  }

  public static CommandError notFound(String aggregate, String key) {
    return new CommandError(NOT_FOUND, aggregate + " " + key + " does not exist", List.of());
  }

  public static CommandError alreadyExists(String aggregate, String key) {
    return new CommandError(ALREADY_EXISTS, aggregate + " " + key + " already exists", List.of());
  }

  public static CommandError conflict(String aggregate, String key) {
    return new CommandError(
        CONFLICT, aggregate + " " + key + " was changed concurrently; try again", List.of());
  }

  public static CommandError unauthorized(String message) {
    return new CommandError(UNAUTHORIZED, message, List.of());
  }

  /** A command id, still remembered, sent again by the same caller with a different input. */
  public static CommandError commandIdReused(String commandId) {
    return new CommandError(
        COMMAND_ID_REUSED,
        "The commandId "
            + commandId
            + " was already used for this mutation with a different input; send a new commandId"
            + " for a new command",
        List.of());
  }

  public String code() {
    return code;
  }

  /** The failing fields of a {@code VALIDATION} error; empty for every other code. */
  public List<FieldError> fields() {
    return fields;
  }
}
