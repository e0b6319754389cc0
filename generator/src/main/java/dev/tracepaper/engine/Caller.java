package dev.tracepaper.engine;

import java.util.List;

/**
 * Who runs a command: {@code user} in the model's expressions. {@code id} and {@code name} are null
 * for a caller without identity (an API key).
 */
public record Caller(String id, String name, List<String> roles) {

  /** The id and name AppSync gives a caller it could not identify (an API key). */
  public static final String ANONYMOUS = "anonymous";

  public Caller {
    roles = List.copyOf(roles);
  }

  /**
   * The caller a command's handler sees when a user with this id, name and roles is authenticated
   * by {@code type}: the user itself through the pool, the principal (its id as name too, no roles)
   * through IAM, and anonymous through an API key.
   */
  public static Caller authenticated(AuthType type, String id, String name, List<String> roles) {
    return switch (type) {
      case AMAZON_COGNITO_USER_POOLS -> new Caller(id, name, roles);
      case AWS_IAM -> new Caller(id, id, List.of());
      case API_KEY -> new Caller(ANONYMOUS, ANONYMOUS, List.of());
    };
  }
}
