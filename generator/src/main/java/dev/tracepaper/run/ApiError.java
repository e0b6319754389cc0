package dev.tracepaper.run;

/**
 * An error the local API answers as AppSync does: an entry of {@code errors} with this {@code
 * errorType} (a rule's code, {@code UNAUTHORIZED}, {@code VALIDATION}, ...) and message.
 */
final class ApiError extends RuntimeException {

  private final String errorType;

  ApiError(String errorType, String message) {
    super(message, null, false, false);
    this.errorType = errorType;
  }

  String errorType() {
    return errorType;
  }
}
