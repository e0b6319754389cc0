package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/** {@code app.auth}: the default mode and the roles (Cognito groups) the model may name. */
public record AuthConfig(
    Optional<Auth> defaultAuth, List<Located<String>> roles, SourceLocation location) {

  public static AuthConfig none(SourceLocation location) {
    return new AuthConfig(Optional.empty(), List.of(), location);
  }

  public AuthConfig {
    roles = List.copyOf(roles);
  }
}
