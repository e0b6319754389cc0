package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthMode;
import dev.tracepaper.model.CustomQuery;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read what on the read side. A query field admits what its {@code auth} says (the view's
 * when the query has none). A relation field admits what the view it leads to says, so a relation
 * never shows rows to a caller the other view's own {@code auth} would refuse; but a relation into
 * a view open to anonymous callers (public data) also admits everyone who reached this row. An
 * object type a view returns (the view's type, its page type, the value types inside) carries a
 * directive for every AppSync type that reaches it through a query or a relation: AppSync checks
 * the returned type too, and a type without directives is readable by the API's default type only.
 */
final class ReadAuth {

  /** The projector, which publishes the rows of the views that notify. */
  private static final Auth PUBLISHER =
      new Auth(
          List.of(new AuthMode(AuthMode.Kind.IAM, Optional.empty(), SourceLocation.NONE)),
          SourceLocation.NONE);

  private final ModelIndex index;
  private final AuthDirectives auth;

  /** The AppSync types that reach each view's rows, by view name. */
  private final Map<String, Set<String>> reach;

  ReadAuth(ModelIndex index, AuthDirectives auth) {
    this.index = index;
    this.auth = auth;
    this.reach = reach();
  }

  /** The auth of every read field: each query's, then each relation's. */
  List<Optional<Auth>> reads() {
    List<Optional<Auth>> reads = new ArrayList<>();
    for (View view : index.model().views()) {
      reads.addAll(queryAuths(view));
      relations(view).forEach(r -> reads.add(target(r).auth()));
      if (view.notifies()) {
        reads.add(Optional.of(PUBLISHER));
      }
    }
    index.model().queries().forEach(q -> reads.add(q.auth()));
    return reads;
  }

  /**
   * The directives of a notifying view's subscription: every caller some query of the view admits
   * may subscribe, since each of them may read any row (validation refuses a view whose auth
   * depends on the data to notify).
   */
  String subscriptionDirectives(View view) {
    List<AuthMode> modes = new ArrayList<>();
    for (Optional<Auth> query : queryAuths(view)) {
      modes.addAll(query.map(Auth::modes).filter(m -> !m.isEmpty()).orElse(defaultModes()));
    }
    return auth.directives(Optional.of(new Auth(modes, view.location())));
  }

  private List<AuthMode> defaultModes() {
    return index
        .model()
        .app()
        .flatMap(a -> a.auth().defaultAuth())
        .map(Auth::modes)
        .filter(m -> !m.isEmpty())
        .orElse(
            List.of(
                new AuthMode(AuthMode.Kind.AUTHENTICATED, Optional.empty(), SourceLocation.NONE)));
  }

  /** The directives of a view's object and page types. */
  String viewDirectives(View view) {
    return auth.typeDirectives(reach.get(view.name()));
  }

  /** The directives of a relation field of {@code view}. */
  String relationDirectives(View view, Field relation) {
    Optional<Auth> targetAuth = target(relation).auth();
    String directives =
        auth.isPublic(targetAuth)
            ? auth.typeDirectives(relationTypes(view, relation, reach))
            : auth.directives(targetAuth);
    boolean fallsBackToTheType = directives.isEmpty() && !viewDirectives(view).isEmpty();
    return fallsBackToTheType ? auth.explicitDirectives(Optional.empty()) : directives;
  }

  /**
   * The directives of each value type some view returns to a non-default type, by GraphQL type
   * name: the types, and the entities a view kept {@code from} their aggregate holds.
   */
  Map<String, String> valueTypeDirectives() {
    Map<String, Set<String>> typeReach = new LinkedHashMap<>();
    for (View view : index.model().views()) {
      Set<String> types = reach.get(view.name());
      Optional<Aggregate> owner = view.from().flatMap(f -> index.aggregate(f.value()));
      view.fields()
          .forEach(f -> reachValueTypes(f, owner, types, typeReach, new LinkedHashSet<>()));
    }
    // A custom query that returns a value type reaches it (and the types inside) itself.
    for (CustomQuery query : index.model().queries()) {
      query
          .returns()
          .filter(r -> index.type(r.value()).isPresent())
          .ifPresent(
              r ->
                  reachType(
                      r.value(),
                      Optional.empty(),
                      new LinkedHashSet<>(auth.types(query.auth())),
                      typeReach,
                      new LinkedHashSet<>()));
    }
    Map<String, String> directives = new LinkedHashMap<>();
    typeReach.forEach(
        (type, types) -> {
          String typeDirectives = auth.typeDirectives(types);
          if (!typeDirectives.isEmpty()) {
            directives.put(type, typeDirectives);
          }
        });
    return directives;
  }

  private void reachValueTypes(
      Field field,
      Optional<Aggregate> owner,
      Set<String> types,
      Map<String, Set<String>> typeReach,
      Set<String> seen) {
    reachType(field.type().name(), owner, types, typeReach, seen);
  }

  private void reachType(
      String name,
      Optional<Aggregate> owner,
      Set<String> types,
      Map<String, Set<String>> typeReach,
      Set<String> seen) {
    Optional<TypeDef> type = index.type(name).or(() -> owner.flatMap(a -> a.entity(name)));
    if (type.isEmpty() || !seen.add(type.get().name())) {
      return;
    }
    typeReach
        .computeIfAbsent(GraphQlNames.objectType(name), n -> new LinkedHashSet<>())
        .addAll(types);
    type.get().fields().forEach(f -> reachValueTypes(f, owner, types, typeReach, seen));
  }

  /**
   * The AppSync types that reach each view's rows: through its queries, and through the relations
   * into it. A relation into a public view passes on who reached its row, so this grows until it no
   * longer changes (relations may form cycles; there are three types at most).
   */
  private Map<String, Set<String>> reach() {
    Map<String, Set<String>> reached = new LinkedHashMap<>();
    for (View view : index.model().views()) {
      Set<String> types = new LinkedHashSet<>();
      queryAuths(view).forEach(a -> types.addAll(auth.types(a)));
      if (view.notifies()) {
        // The projector publishes the view's rows with IAM, and reads them back in the answer.
        types.add(AuthDirectives.IAM);
      }
      reached.put(view.name(), types);
    }
    // A custom query that returns a view's row reaches that view's type.
    for (CustomQuery query : index.model().queries()) {
      query
          .returns()
          .map(r -> reached.get(r.value()))
          .ifPresent(types -> types.addAll(auth.types(query.auth())));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (View view : index.model().views()) {
        for (Field relation : relations(view)) {
          Optional<Auth> targetAuth = target(relation).auth();
          Set<String> types =
              auth.isPublic(targetAuth)
                  ? relationTypes(view, relation, reached)
                  : new LinkedHashSet<>(auth.types(targetAuth));
          changed |= reached.get(target(relation).name()).addAll(types);
        }
      }
    }
    return reached;
  }

  /** A relation into a public view: that view's types, and every type that reached this row. */
  private Set<String> relationTypes(View view, Field relation, Map<String, Set<String>> reached) {
    Set<String> types = new LinkedHashSet<>(auth.types(target(relation).auth()));
    types.addAll(reached.get(view.name()));
    return types;
  }

  /** The auth of each query: its own, else the view's; a view without queries has two. */
  private static List<Optional<Auth>> queryAuths(View view) {
    return view.queries()
        .map(qs -> qs.stream().map(q -> q.auth().or(view::auth)).toList())
        .orElse(List.of(view.auth(), view.auth()));
  }

  static List<Field> relations(View view) {
    return view.fields().stream().filter(ReadAuth::isRelation).toList();
  }

  static boolean isRelation(Field field) {
    return field.constraints().relates();
  }

  private View target(Field relation) {
    return index.view(relation.type().name()).orElseThrow();
  }
}
