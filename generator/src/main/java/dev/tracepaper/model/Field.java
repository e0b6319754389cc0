package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;

/** A named, typed field of a command, event, state, entity, type or view. */
public record Field(String name, TypeRef type, Constraints constraints, SourceLocation location) {

  /**
   * Whether a value must be given. Command fields are required unless they have a default, are
   * filled by the system or say otherwise; elsewhere fields are required only when they say so.
   */
  public boolean isRequired(boolean requiredByDefault) {
    return constraints
        .required()
        .map(Located::value)
        .orElse(
            requiredByDefault
                && constraints.defaultValue().isEmpty()
                && constraints.autoFill().isEmpty());
  }

  /**
   * Whether a command's field always has a value once its input is read: it is required, has a
   * default or is filled in by the system.
   */
  public boolean alwaysSetInCommand() {
    return isRequired(true)
        || constraints.defaultValue().isPresent()
        || constraints.autoFill().isPresent();
  }
}
