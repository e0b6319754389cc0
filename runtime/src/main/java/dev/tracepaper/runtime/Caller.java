package dev.tracepaper.runtime;

import java.util.List;
import java.util.Objects;

/**
 * Who runs a command: the {@code user} of the model's expressions.
 *
 * <p>{@code id} identifies the caller for good: a Cognito user's {@code sub}, which Cognito never
 * gives to another user, the IAM principal's ARN, or {@value #ANONYMOUS} for an API-key call.
 * {@code name} is for display: the Cognito user name (which a new user may take once the old one is
 * deleted), the ARN, or {@value #ANONYMOUS}. {@code roles} are the caller's Cognito groups (empty
 * for IAM and API-key calls). Ownership compares ids.
 */
public record Caller(String id, String name, List<String> roles) {

  /** The id and name of a caller that AppSync could not identify (API key). */
  public static final String ANONYMOUS = "anonymous";

  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    roles = List.copyOf(roles);
  }

  public static Caller anonymous() {
    return new Caller(ANONYMOUS, ANONYMOUS, List.of());
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
