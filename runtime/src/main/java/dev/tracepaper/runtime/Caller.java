package dev.tracepaper.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Who runs a command: the {@code user} of the model's expressions. {@code name} is the Cognito user
 * name, the IAM principal's ARN, or {@value #ANONYMOUS} for an API-key call; {@code roles} are the
 * caller's Cognito groups (empty for IAM and API-key calls).
 */
public record Caller(String name, List<String> roles) {

  /** The name of a caller that AppSync could not identify (API key). */
  public static final String ANONYMOUS = "anonymous";

  public Caller {
    Objects.requireNonNull(name, "name");
    roles = List.copyOf(roles);
  }

  public static Caller anonymous() {
    return new Caller(ANONYMOUS, List.of());
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
