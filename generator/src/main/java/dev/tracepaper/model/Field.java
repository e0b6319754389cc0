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
}
