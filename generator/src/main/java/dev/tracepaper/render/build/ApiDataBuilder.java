package dev.tracepaper.render.build;

import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.data.ApiData;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * How the API authenticates: from {@code app.auth} and every element's {@code auth}, as {@link
 * AuthDirectives} maps them.
 */
final class ApiDataBuilder {

  private ApiDataBuilder() {}

  static ApiData of(ModelIndex index) {
    List<Optional<Auth>> mutations =
        index.model().aggregates().stream()
            .flatMap(a -> a.commands().stream())
            .map(Command::auth)
            .toList();
    ReadAuth reads = readAuth(index);
    return directives(index).api(mutations, reads.reads(), reads.valueTypeDirectives());
  }

  /** Who may read the views, their relations and the types they return. */
  static ReadAuth readAuth(ModelIndex index) {
    return new ReadAuth(index, directives(index));
  }

  /** The GraphQL directives of a field with this {@code auth} ({@code ""}: the default's). */
  static String directives(ModelIndex index, Optional<Auth> auth) {
    return directives(index).directives(auth);
  }

  /**
   * The roles a caller needs for an element with this {@code auth}: its roles when it allows roles
   * only, else none (any caller the API lets through may run it).
   */
  static List<String> rolesOnly(ModelIndex index, Optional<Auth> auth) {
    return directives(index).roles(auth);
  }

  /** The AppSync auth types that may call an element with this {@code auth}, in a fixed order. */
  static List<String> authTypes(ModelIndex index, Optional<Auth> auth) {
    return directives(index).types(auth);
  }

  /** The groups a Cognito caller of an element with this {@code auth} needs one of (none: any). */
  static List<String> cognitoGroups(ModelIndex index, Optional<Auth> auth) {
    return directives(index).cognitoGroups(auth);
  }

  private static AuthDirectives directives(ModelIndex index) {
    return AuthDirectives.of(
        index.model().app().map(a -> a.auth()).orElse(AuthConfig.none(SourceLocation.NONE)));
  }
}
