package dev.tracepaper.render.data;

import java.util.List;

/**
 * How the AppSync API authenticates callers.
 *
 * @param defaultAuthType the AppSync authentication type of fields without a directive: {@code
 *     AMAZON_COGNITO_USER_POOLS}, {@code API_KEY} or {@code AWS_IAM}
 * @param additionalAuthTypes the other types some field needs, in a fixed order
 * @param userPool whether the API uses the Cognito user pool (default or additional)
 * @param apiKey whether some element is {@code anonymous}, which needs an API key
 * @param iam whether some element allows {@code iam}
 * @param roles the roles of the model: one Cognito group each
 * @param commandResultDirectives the directives {@code CommandResult} and other shared types need
 *     so that every mode that may call a mutation may read its result ({@code ""} if none)
 */
public record ApiData(
    String defaultAuthType,
    List<String> additionalAuthTypes,
    boolean userPool,
    boolean apiKey,
    boolean iam,
    List<RoleData> roles,
    String commandResultDirectives) {

  public ApiData {
    additionalAuthTypes = List.copyOf(additionalAuthTypes);
    roles = List.copyOf(roles);
  }

  /**
   * A role: a Cognito group.
   *
   * @param name the role as written, the group's name
   * @param groupLogicalId the group's CloudFormation logical id ({@code LibrarianGroup})
   */
  public record RoleData(String name, String groupLogicalId) {}
}
