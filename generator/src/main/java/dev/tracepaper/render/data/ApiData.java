package dev.tracepaper.render.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * @param objectDirectives the directives of the value types that views return, by GraphQL type
 *     name, for the types some non-default mode reads (others are left out)
 * @param namespaces the namespaces {@code api} names make, parents before their children, in model
 *     order; empty without them
 * @param namespaceDataSourceLogicalId the data source without a backend the namespace resolvers run
 *     on
 * @param namespaceResolverFile the code every namespace resolver shares, relative to the project
 */
public record ApiData(
    String defaultAuthType,
    List<String> additionalAuthTypes,
    boolean userPool,
    boolean apiKey,
    boolean iam,
    List<RoleData> roles,
    String commandResultDirectives,
    Map<String, String> objectDirectives,
    List<NamespaceData> namespaces,
    String namespaceDataSourceLogicalId,
    String namespaceResolverFile) {

  public ApiData {
    namespaces = List.copyOf(namespaces);
    objectDirectives = Collections.unmodifiableMap(new LinkedHashMap<>(objectDirectives));
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
