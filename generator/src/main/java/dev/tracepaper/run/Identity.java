package dev.tracepaper.run;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Who calls the local API, as AppSync would tell: a token of the user pool in the {@code
 * Authorization} header (its claims {@code sub}, {@code cognito:username} and {@code
 * cognito:groups} trusted without checking the signature: local mode has no pool), or, without the
 * header, the API key's caller.
 */
record Identity(AuthType type, Caller caller) {

  /** The API-key caller: AppSync's {@code anonymous}. */
  static final Identity API_KEY =
      new Identity(AuthType.API_KEY, Caller.authenticated(AuthType.API_KEY, null, null, List.of()));

  /**
   * The identity of a request with this {@code Authorization} header (empty when it has none), or
   * empty when the header holds no readable token.
   */
  static Optional<Identity> of(Optional<String> header) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.of(API_KEY);
    }
    String token = header.get().trim();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).trim();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    JsonNode claims;
    try {
      byte[] json = Base64.getUrlDecoder().decode(parts[1]);
      claims = EventLog.JSON.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | JacksonException e) {
      return Optional.empty();
    }
    String sub = claims.path("sub").asString("");
    if (sub.isEmpty()) {
      return Optional.empty();
    }
    String name = claims.path("cognito:username").asString(sub);
    List<String> groups = new ArrayList<>();
    claims.path("cognito:groups").forEach(g -> groups.add(g.asString()));
    return Optional.of(
        new Identity(
            AuthType.AMAZON_COGNITO_USER_POOLS,
            Caller.authenticated(AuthType.AMAZON_COGNITO_USER_POOLS, sub, name, groups)));
  }
}
