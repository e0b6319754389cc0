package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/** One way of being allowed in: {@code anonymous}, {@code authenticated}, {@code iam} or a role. */
public record AuthMode(Kind kind, Optional<String> role, SourceLocation location) {

  /** The kinds of caller the model can admit. */
  public enum Kind {
    ANONYMOUS,
    AUTHENTICATED,
    IAM,
    ROLE
  }

  @Override
  public String toString() {
    return kind == Kind.ROLE ? "role:" + role.orElse("") : kind.name().toLowerCase();
  }
}
