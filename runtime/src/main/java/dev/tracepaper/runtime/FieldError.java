package dev.tracepaper.runtime;

import java.util.Objects;

/**
 * One failing input field of a {@code VALIDATION} error; {@code field} is a path such as {@code
 * address.city}.
 */
public record FieldError(String field, String message) {

  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }
}
