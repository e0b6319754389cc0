package dev.tracepaper.render.build;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.render.data.ApiData;
import java.util.List;
import java.util.Optional;

/** How the API authenticates: from {@code app.auth} and every element's {@code auth}. */
final class ApiDataBuilder {

  private ApiDataBuilder() {}

  static ApiData of(ModelIndex index) {
    List<AuthMode> defaults = defaults(index);
    String defaultType =
        authType(defaults.isEmpty() ? AuthMode.Kind.AUTHENTICATED : defaults.get(0).kind());
    List<String> roles =
        index
            .model()
            .app()
            .map(a -> a.auth().roles().stream().map(Located::value).toList())
            .orElse(List.of());
    return new ApiData(
        defaultType,
        List.of(),
        true,
        false,
        false,
        roles.stream().map(r -> new ApiData.RoleData(r, AwsNames.roleGroupId(r))).toList(),
        "");
  }

  /** The modes of {@code app.auth.default}; {@code authenticated} when omitted. */
  static List<AuthMode> defaults(ModelIndex index) {
    return index
        .model()
        .app()
        .flatMap(a -> a.auth().defaultAuth())
        .map(Auth::modes)
        .orElse(List.of());
  }

  /**
   * The roles a caller needs for an element with this {@code auth}: its roles when it allows roles
   * only, else none (any caller the API lets through may run it).
   */
  static List<String> rolesOnly(ModelIndex index, Optional<Auth> auth) {
    List<AuthMode> modes = auth.map(Auth::modes).orElseGet(() -> defaults(index));
    if (modes.isEmpty() || modes.stream().anyMatch(m -> m.kind() != AuthMode.Kind.ROLE)) {
      return List.of();
    }
    return modes.stream().map(m -> m.role().orElseThrow()).distinct().toList();
  }

  static String authType(AuthMode.Kind kind) {
    return switch (kind) {
      case ANONYMOUS -> "API_KEY";
      case IAM -> "AWS_IAM";
      case AUTHENTICATED, ROLE -> "AMAZON_COGNITO_USER_POOLS";
    };
  }
}
