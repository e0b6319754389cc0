package dev.tracepaper.render.build;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Located;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.ApiData;
import dev.tracepaper.render.data.NamespaceData;
import dev.tracepaper.text.Escapes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the model's {@code auth} becomes AppSync authentication: the API's default and additional
 * authentication types, and the directives of each GraphQL field and type.
 *
 * <p>Mapping: {@code anonymous} is the API key, {@code iam} is IAM, {@code authenticated} is any
 * user of the Cognito user pool, {@code role:x} is the users of Cognito group {@code x}. The
 * default type is the one the app's default auth names (Cognito first, then API key, then IAM), so
 * the fields that follow the app default usually need no directive. A field whose modes are not
 * exactly "the default type, unrestricted" carries a directive for each of its types: in AppSync, a
 * field with any directive is closed to every type it does not list, the default included.
 * docs/generated-infrastructure.md explains the choices.
 */
public final class AuthDirectives {

  public static final String COGNITO = "AMAZON_COGNITO_USER_POOLS";
  public static final String API_KEY = "API_KEY";
  public static final String IAM = "AWS_IAM";

  /** The order in which types are listed, in the API and in directives. */
  private static final List<String> TYPE_ORDER = List.of(COGNITO, API_KEY, IAM);

  private final Access appDefault;
  private final String defaultType;
  private final List<String> roles;

  private AuthDirectives(Access appDefault, List<String> roles) {
    this.appDefault = appDefault;
    this.defaultType = appDefault.types().get(0);
    this.roles = List.copyOf(roles);
  }

  /** From {@code app.auth}; a missing default means {@code authenticated}. */
  public static AuthDirectives of(AuthConfig config) {
    Access appDefault = config.defaultAuth().map(Access::of).orElse(Access.ANY_USER);
    if (appDefault.types().isEmpty()) {
      appDefault = Access.ANY_USER;
    }
    return new AuthDirectives(appDefault, config.roles().stream().map(Located::value).toList());
  }

  /** The AppSync type of fields without a directive. */
  public String defaultAuthType() {
    return defaultType;
  }

  /**
   * The directives of a field with this {@code auth} (the app default when empty), separated by
   * spaces; {@code ""} when the API's default type admits exactly the callers it should.
   */
  public String directives(Optional<Auth> auth) {
    return directives(access(auth));
  }

  /**
   * The roles a caller must have one of, for a check in the handler; empty when some mode of {@code
   * auth} admits callers without a role (any user, API key, IAM).
   */
  public List<String> roles(Optional<Auth> auth) {
    Access access = access(auth);
    return access.apiKey || access.iam || access.anyUser ? List.of() : access.groups;
  }

  /**
   * The Cognito groups a user-pool caller must be in one of, for the handler's own check; empty
   * when any user of the pool is admitted (or no user-pool caller is, which {@link #types} says).
   * Unlike {@link #roles}, other modes of {@code auth} do not empty it: they admit other types of
   * caller, not Cognito users outside the groups.
   */
  public List<String> cognitoGroups(Optional<Auth> auth) {
    Access access = access(auth);
    return access.anyUser ? List.of() : access.groups;
  }

  /**
   * The API for fields with these {@code auths} (one per mutation, empty = app default). The result
   * type of the mutations carries a directive for every type some mutation admits, so that each
   * caller who may run a mutation may also read its result.
   */
  public ApiData api(List<Optional<Auth>> auths) {
    return api(auths, List.of(), new LinkedHashMap<>(), List.of());
  }

  /**
   * The API for these mutations and read fields (queries and relations), with the directives of the
   * object types that views return ({@code objectDirectives}: type name to directives, only types
   * that need one).
   */
  public ApiData api(
      List<Optional<Auth>> mutations,
      List<Optional<Auth>> reads,
      Map<String, String> objectDirectives,
      List<NamespaceData> namespaces) {
    Set<String> mutationTypes = new LinkedHashSet<>();
    mutations.forEach(auth -> mutationTypes.addAll(access(auth).types()));
    Set<String> used = new LinkedHashSet<>(mutationTypes);
    reads.forEach(auth -> used.addAll(access(auth).types()));
    used.add(defaultType); // the placeholder query field uses the default type
    List<String> additional =
        TYPE_ORDER.stream().filter(t -> used.contains(t) && !t.equals(defaultType)).toList();
    List<ApiData.RoleData> groups =
        roles.stream().map(r -> new ApiData.RoleData(r, AwsNames.roleGroupId(r))).toList();
    return new ApiData(
        defaultType,
        additional,
        used.contains(COGNITO),
        used.contains(API_KEY),
        used.contains(IAM),
        groups,
        typeDirectives(mutationTypes),
        objectDirectives,
        namespaces,
        AwsNames.NAMESPACE_DATA_SOURCE_ID,
        GraphQlNames.NAMESPACE_RESOLVER_FILE);
  }

  /** Whether a field with this {@code auth} is open to anonymous callers: public data. */
  public boolean isPublic(Optional<Auth> auth) {
    return access(auth).apiKey;
  }

  /** The AppSync types a field with this {@code auth} admits, in a fixed order. */
  public List<String> types(Optional<Auth> auth) {
    return access(auth).types();
  }

  /**
   * The directives of an object type returned to callers of these AppSync {@code types}: one per
   * type, without groups (the field that returned the object already checked them); {@code ""} when
   * only the default type reads it.
   */
  public String typeDirectives(Collection<String> types) {
    if (types.isEmpty() || Set.copyOf(types).equals(Set.of(defaultType))) {
      return "";
    }
    return TYPE_ORDER.stream()
        .filter(types::contains)
        .map(t -> directive(t, List.of()))
        .collect(Collectors.joining(" "));
  }

  /**
   * The directives of a namespace field through which callers of these AppSync {@code types} reach
   * the fields within; in a namespace type ({@code explicit}) named even when only the default type
   * reads it, as {@link #explicitDirectives} says.
   */
  public String namespaceDirectives(Collection<String> types, boolean explicit) {
    String directives = typeDirectives(types);
    return directives.isEmpty() && explicit ? directive(defaultType, List.of()) : directives;
  }

  /**
   * The directives of a field with this {@code auth}, even when it is the default's: a field
   * without a directive follows its type's directives, not the API default, so a field of a type
   * that has some must name its own.
   */
  public String explicitDirectives(Optional<Auth> auth) {
    String directives = directives(auth);
    return directives.isEmpty() ? directive(defaultType, List.of()) : directives;
  }

  private Access access(Optional<Auth> auth) {
    Access access = auth.map(Access::of).orElse(appDefault);
    return access.types().isEmpty() ? appDefault : access;
  }

  private String directives(Access access) {
    List<String> types = access.types();
    boolean unrestrictedDefault =
        types.equals(List.of(defaultType)) && (!defaultType.equals(COGNITO) || access.anyUser);
    if (unrestrictedDefault) {
      return "";
    }
    List<String> out = new ArrayList<>();
    for (String type : types) {
      out.add(directive(type, access.anyUser ? List.of() : access.groups));
    }
    return String.join(" ", out);
  }

  private static String directive(String type, List<String> groups) {
    return switch (type) {
      case COGNITO ->
          groups.isEmpty()
              ? "@aws_cognito_user_pools"
              : groups.stream()
                  .map(Escapes::graphqlString)
                  .collect(
                      Collectors.joining(", ", "@aws_cognito_user_pools(cognito_groups: [", "])"));
      case API_KEY -> "@aws_api_key";
      case IAM -> "@aws_iam";
      default -> throw new IllegalArgumentException("unknown AppSync auth type " + type);
    };
  }

  /** Who a list of modes admits, by AppSync type. */
  private record Access(boolean apiKey, boolean iam, boolean anyUser, List<String> groups) {

    static final Access ANY_USER = new Access(false, false, true, List.of());

    /**
     * An owner field or a condition admits signed-in users, whom the resolver then checks against
     * the data: to AppSync, the field is open to every user of the pool, whatever their groups.
     */
    static Access of(Auth auth) {
      Access modes = of(auth.modes());
      return auth.dependsOnData() ? new Access(modes.apiKey, modes.iam, true, modes.groups) : modes;
    }

    static Access of(List<AuthMode> modes) {
      boolean apiKey = false;
      boolean iam = false;
      boolean anyUser = false;
      Set<String> groups = new LinkedHashSet<>();
      for (AuthMode mode : modes) {
        switch (mode.kind()) {
          case ANONYMOUS -> apiKey = true;
          case IAM -> iam = true;
          case AUTHENTICATED -> anyUser = true;
          case ROLE -> mode.role().ifPresent(groups::add);
        }
      }
      return new Access(apiKey, iam, anyUser, List.copyOf(groups));
    }

    boolean cognito() {
      return anyUser || !groups.isEmpty();
    }

    /** The AppSync types it needs, in {@link #TYPE_ORDER}. */
    List<String> types() {
      List<String> types = new ArrayList<>();
      if (cognito()) {
        types.add(COGNITO);
      }
      if (apiKey) {
        types.add(API_KEY);
      }
      if (iam) {
        types.add(IAM);
      }
      return types;
    }
  }
}
