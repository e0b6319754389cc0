package dev.tracepaper.run;

import java.util.Map;

/**
 * An error the local API answers as AppSync does: an entry of {@code errors} with this {@code
 * errorType} (a rule's code, {@code UNAUTHORIZED}, {@code VALIDATION}, ...) and message.
 */
final class ApiError extends RuntimeException {

  private final String errorType;
  private final Map<String, Object> errorInfo;

  ApiError(String errorType, String message) {
    this(errorType, message, null);
  }

  /**
   * An error with AppSync's {@code errorInfo}: a command's {@code VALIDATION} has {@code {fields:
   * [{field, message}]}}, as the generated mutation resolver passes the handler's on.
   */
  ApiError(String errorType, String message, Map<String, Object> errorInfo) {
    super(message, null, false, false);
    this.errorType = errorType;
    this.errorInfo = errorInfo;
  }

  String errorType() {
    return errorType;
  }

  /** AppSync's {@code errorInfo}; null when the error has none. */
  Map<String, Object> errorInfo() {
    return errorInfo;
  }
}
