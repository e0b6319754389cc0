package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.ApiData;
import dev.tracepaper.render.data.NamespaceData;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    return directives(index)
        .api(mutations, reads.reads(), reads.valueTypeDirectives(), namespaces(index));
  }

  /**
   * The namespaces the {@code api} names make, parents first, each with the AppSync types of every
   * field within it.
   */
  static List<NamespaceData> namespaces(ModelIndex index) {
    Map<List<String>, Set<String>> types = new LinkedHashMap<>();
    AuthDirectives auth = directives(index);
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Command command : aggregate.commands()) {
        within(types, GraphQlNames.MUTATION, command.api(), auth.types(command.auth()));
      }
    }
    for (View view : index.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        within(types, GraphQlNames.QUERY, query.api(), auth.types(query.auth().or(view::auth)));
      }
    }
    for (CustomQuery query : index.model().queries()) {
      within(types, GraphQlNames.QUERY, query.api(), auth.types(query.auth()));
    }
    List<NamespaceData> namespaces = new ArrayList<>();
    types.forEach(
        (key, within) -> {
          String root = key.get(0);
          List<String> path = key.subList(1, key.size());
          String parent = GraphQlNames.parentType(root, path);
          String field = path.get(path.size() - 1);
          namespaces.add(
              new NamespaceData(
                  root,
                  path,
                  GraphQlNames.namespaceType(root, path),
                  parent,
                  field,
                  auth.namespaceDirectives(within, path.size() > 1),
                  auth.typeDirectives(within),
                  AwsNames.namespaceResolverId(parent, field)));
        });
    return namespaces;
  }

  /** Adds the types of a field named {@code api} to every namespace it is within. */
  private static void within(
      Map<List<String>, Set<String>> types,
      String root,
      Optional<Located<String>> api,
      List<String> fieldTypes) {
    if (api.isEmpty()) {
      return;
    }
    List<String> path = GraphQlNames.apiPath(api.get().value());
    for (int length = 1; length < path.size(); length++) {
      List<String> key = new ArrayList<>();
      key.add(root);
      key.addAll(path.subList(0, length));
      types.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(fieldTypes);
    }
  }

  /**
   * The directives of a mutation or query: in a namespace named even when they are the default's,
   * since a namespace type may have directives of its own.
   */
  static String directives(ModelIndex index, Optional<Auth> auth, List<String> namespace) {
    return namespace.isEmpty()
        ? directives(index).directives(auth)
        : directives(index).explicitDirectives(auth);
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
