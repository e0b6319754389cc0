package dev.tracepaper.engine;

import java.util.List;

/** A flow stops with an error code: the engine's form of the runtime's {@code CommandError}. */
final class Refusal extends RuntimeException {

  static final String VALIDATION = "VALIDATION";
  static final String NOT_FOUND = "NOT_FOUND";
  static final String ALREADY_EXISTS = "ALREADY_EXISTS";
  static final String UNAUTHORIZED = "UNAUTHORIZED";

  /** The message of every {@code VALIDATION} failure, as the runtime's {@code CommandError}. */
  static final String INVALID_INPUT = "Invalid input";

  private final String code;
  private final List<FieldProblem> fields;

  Refusal(String code, String message) {
    this(code, message, List.of());
  }

  private Refusal(String code, String message, List<FieldProblem> fields) {
    super(message, null, false, false);
    this.code = code;
    this.fields = List.copyOf(fields);
  }

  /** A {@code VALIDATION} failure naming each field's problem. */
  static Refusal invalid(List<FieldProblem> problems) {
    return new Refusal(VALIDATION, INVALID_INPUT, problems);
  }

  String code() {
    return code;
  }

  Outcome.Refused outcome() {
    return new Outcome.Refused(code, getMessage(), fields);
  }
}
