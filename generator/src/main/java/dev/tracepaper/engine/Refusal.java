package dev.tracepaper.engine;

/** A flow stops with an error code: the engine's form of the runtime's {@code CommandError}. */
final class Refusal extends RuntimeException {

  static final String VALIDATION = "VALIDATION";
  static final String NOT_FOUND = "NOT_FOUND";
  static final String ALREADY_EXISTS = "ALREADY_EXISTS";
  static final String UNAUTHORIZED = "UNAUTHORIZED";

  private final String code;

  Refusal(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }

  Outcome.Refused outcome() {
    return new Outcome.Refused(code, getMessage());
  }
}
