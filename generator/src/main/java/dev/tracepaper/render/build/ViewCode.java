package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.KeyedSubscriptions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.CustomData;
import dev.tracepaper.render.data.GenerationData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.ReadCheckData;
import dev.tracepaper.render.data.SubscriptionData;
import dev.tracepaper.render.data.ViewData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A view as template data: its row record, how its projection computes rows (every {@code set},
 * {@code where} and {@code key} translated to Java), its table's indexes, and its queries and
 * relations with their GraphQL and CloudFormation names.
 */
final class ViewCode {

  private final ModelIndex index;
  private final CheckedExpressions checked;
  private final TypeMapping types;
  private final FieldCode fields;
  private final JavaNames names;
  private final RelationCode relations;
  private final ReadAuth readAuth;
  private final ReadChecks readChecks;

  ViewCode(
      ModelIndex index,
      CheckedExpressions checked,
      TypeMapping types,
      FieldCode fields,
      JavaNames names) {
    this.index = index;
    this.checked = checked;
    this.types = types;
    this.fields = fields;
    this.names = names;
    this.readAuth = ApiDataBuilder.readAuth(index);
    this.readChecks = new ReadChecks(index);
    this.relations = new RelationCode(index, readAuth, readChecks);
  }

  ViewData of(View view) {
    JavaName row = names.viewRow(view.name());
    String pkg = row.packageName();
    List<Field> stored = stored(view);
    Optional<Aggregate> owner = entityOwner(view);
    Set<String> rowImports = new TreeSet<>();
    stored.forEach(f -> types.addImports(f.type(), owner, rowImports));
    FieldCode.addCodecImports(rowImports, names.runtimePackage());
    Set<String> projectionImports = new TreeSet<>();
    projectionImports.add("java.util.List");
    projectionImports.add(names.runtimePackage() + ".Projection");
    projectionImports.add(names.runtimePackage() + ".RowChange");
    projectionImports.add(names.runtimePackage() + ".RowReader");
    projectionImports.add(names.runtimePackage() + ".StoredEvent");
    if (view.custom()) {
      projectionImports.add(names.runtimePackage() + ".CustomContext");
    }
    if (view.notifies()) {
      projectionImports.add("java.util.Optional");
    }
    String keyField = keyField(view);
    ClassReferences references = ownClasses(view, pkg, projectionImports);
    return new ViewData(
        view.name(),
        row.simpleName(),
        names.viewProjection(view.name()).simpleName(),
        pkg,
        keyField,
        JavaNames.member(keyField),
        AwsNames.viewTable(view.name()),
        AwsNames.viewTableId(view.name()),
        Case.screamingSnake(view.name()) + "_TABLE",
        AwsNames.viewDataSourceId(view.name()),
        generations(view),
        GraphQlNames.connection(view.name()),
        view.retentionDays().map(Located::value).orElse(0L),
        readAuth.viewDirectives(view),
        stored.stream()
            .map(f -> fields.data(f, owner, FieldCode.Presence.MAYBE_ABSENT, false))
            .toList(),
        stored.stream().map(f -> f.type().list() ? "List.of()" : "null").toList(),
        from(view, stored, keyField, projectionImports, references),
        handlers(view, stored, keyField, projectionImports, references),
        queries(view, keyField),
        relations.of(view),
        view.handlers().isEmpty()
            ? view.set().stream().map(Assignment.SetValue::field).toList()
            : List.of(),
        List.of(),
        List.of(),
        List.of(),
        relations.indexes(view),
        ProjectDataBuilder.withoutOwnPackage(rowImports, pkg),
        ProjectDataBuilder.withoutOwnPackage(projectionImports, pkg),
        view.description().orElse(""),
        "view " + view.name(),
        CustomData.of(
            view.custom(),
            names.viewCustom(view.name()).simpleName(),
            names.viewCustomCode(view.name()).simpleName(),
            Stream.of(
                    "java.util.List",
                    names.runtimePackage() + ".RowChange",
                    names.runtimePackage() + ".RowReader",
                    names.runtimePackage() + ".StoredEvent")
                .sorted()
                .toList(),
            names.runtimePackage()),
        subscription(view, stored, owner));
  }

  /** The view's subscription: its names, who may subscribe, and what the projector sends. */
  private SubscriptionData subscription(View view, List<Field> stored, Optional<Aggregate> owner) {
    String mutation = GraphQlNames.changeMutation(view.name());
    String subscription = GraphQlNames.viewSubscription(view.name());
    boolean keyed = KeyedSubscriptions.keyed(index, view);
    String keyField = keyField(view);
    // A keyed subscription admits whom the get query admits; its resolver decides by the key.
    Optional<Auth> getAuth = KeyedSubscriptions.getAuth(view);
    return new SubscriptionData(
        view.notifies(),
        mutation,
        GraphQlNames.changeType(view.name()),
        subscription,
        keyed ? ApiDataBuilder.directives(index, getAuth) : readAuth.subscriptionDirectives(view),
        AwsNames.resolverId(GraphQlNames.MUTATION, mutation),
        AwsNames.viewChangesDataSourceId(view.name()),
        GraphQlNames.CHANGE_RESOLVER_FILE,
        ChangeDocument.of(index, view, stored, owner),
        keyed,
        keyField,
        keyed ? readChecks.of(getAuth, keyField) : ReadCheckData.NONE,
        keyed ? AwsNames.resolverId(GraphQlNames.SUBSCRIPTION, subscription) : "",
        keyed ? GraphQlNames.resolverFile(GraphQlNames.SUBSCRIPTION, subscription) : "");
  }

  /**
   * The aggregate whose entities the view's fields may name: the one a {@code from} view copies
   * (validation allows no other view an entity).
   */
  private Optional<Aggregate> entityOwner(View view) {
    return view.from().flatMap(f -> index.aggregate(f.value()));
  }

  /** The fields kept in the table: every field but the relations. */
  private List<Field> stored(View view) {
    return view.fields().stream().filter(f -> !f.constraints().relates()).toList();
  }

  /** The key field: {@code key:}, else for a {@code from} view the aggregate's key. */
  private String keyField(View view) {
    return keyField(index, view);
  }

  static String keyField(ModelIndex index, View view) {
    return index
        .viewKey(view)
        .orElseThrow(() -> new IllegalStateException("ViewWithoutKey lets no view go keyless"));
  }

  /** The projection's references: its own row and classes stay unhidden by what it imports. */
  private ClassReferences ownClasses(View view, String pkg, Set<String> imports) {
    return new ClassReferences(
        pkg,
        Set.of(
            names.viewRow(view.name()).simpleName(),
            names.viewProjection(view.name()).simpleName(),
            names.viewCustom(view.name()).simpleName(),
            names.viewCustomCode(view.name()).simpleName()),
        imports);
  }

  private List<ViewData.FromData> from(
      View view,
      List<Field> stored,
      String keyField,
      Set<String> imports,
      ClassReferences references) {
    if (view.from().isEmpty() || !view.handlers().isEmpty()) {
      return List.of();
    }
    Aggregate aggregate = index.aggregate(view.from().get().value()).orElseThrow();
    ExpressionCode expressions =
        new ExpressionCode(checked, types, names.runtimePackage(), Map.of(), imports);
    Map<String, Assignment.SetValue> set = byField(view.set());
    List<String> row = new ArrayList<>();
    for (Field field : stored) {
      if (set.containsKey(field.name())) {
        row.add(
            expressions.into(set.get(field.name()).value(), field.type(), Optional.of(aggregate)));
      } else if (aggregate.field(field.name()).isPresent()) {
        row.add("state." + JavaNames.member(field.name()) + "()");
      } else {
        row.add("null");
      }
    }
    String state = references.of(names.state(aggregate.name()));
    String type = references.of(names.aggregateType(aggregate.name()));
    imports.add(names.runtimePackage() + ".AggregateType");
    imports.add("java.util.Optional");
    String where =
        view.where().map(w -> ExpressionCode.unwrapped(expressions.java(w))).orElse("true");
    return List.of(
        new ViewData.FromData(
            aggregate.name(),
            state,
            type,
            where,
            row,
            "state." + JavaNames.member(keyField) + "()"));
  }

  private List<ViewData.ViewHandlerData> handlers(
      View view,
      List<Field> stored,
      String keyField,
      Set<String> imports,
      ClassReferences references) {
    List<ViewData.ViewHandlerData> handlers = new ArrayList<>();
    for (ViewHandler handler : view.handlers()) {
      Event event = index.event(handler.event()).orElseThrow();
      String eventClass = references.of(names.event(event.aggregate(), event.name()));
      String aggregateClass = references.of(names.aggregateType(event.aggregate()));
      ExpressionCode expressions =
          new ExpressionCode(checked, types, names.runtimePackage(), Map.of(), imports);
      String keys =
          handler.keys().map(k -> ExpressionCode.unwrapped(expressions.java(k))).orElse("");
      String key =
          handler
              .key()
              .map(k -> ExpressionCode.unwrapped(expressions.java(k)))
              .orElse(keys.isEmpty() ? "event." + JavaNames.member(keyField) + "()" : "");
      if (!keys.isEmpty()) {
        imports.add("java.util.ArrayList");
        imports.add("java.util.Objects");
      }
      Map<String, Assignment.SetValue> set = byField(handler.set());
      List<String> row = new ArrayList<>();
      if (!handler.set().isEmpty()) {
        for (Field field : stored) {
          if (field.name().equals(keyField)) {
            row.add("key");
          } else if (set.containsKey(field.name())) {
            row.add(
                expressions.into(set.get(field.name()).value(), field.type(), Optional.empty()));
          } else {
            row.add("view." + JavaNames.member(field.name()) + "()");
          }
        }
      }
      handlers.add(
          new ViewData.ViewHandlerData(
              event.aggregate(),
              event.name(),
              eventClass,
              key,
              keys,
              handler.deletes(),
              handler.deleteIf().map(c -> ExpressionCode.unwrapped(expressions.java(c))).orElse(""),
              row,
              aggregateClass,
              event.storedNames()));
    }
    return handlers;
  }

  private static Map<String, Assignment.SetValue> byField(List<Assignment.SetValue> sets) {
    Map<String, Assignment.SetValue> byField = new LinkedHashMap<>();
    sets.forEach(s -> byField.put(s.field(), s));
    return byField;
  }

  /** Blue, then green: the tables readers switch between when a rebuild is done. */
  private static List<GenerationData> generations(View view) {
    return AwsNames.GENERATIONS.stream()
        .map(
            colour ->
                new GenerationData(
                    colour,
                    AwsNames.viewTable(view.name(), colour),
                    AwsNames.viewTableId(view.name(), colour),
                    AwsNames.viewDataSourceId(view.name(), colour),
                    AwsNames.viewReadFunctionId(view.name(), colour),
                    GraphQlNames.readFunctionFile(colour)))
        .toList();
  }

  /** The queries: as named, or {@code get} and {@code list} for a view that names none. */
  private List<QueryData> queries(View view, String keyField) {
    List<QueryData> queries = new ArrayList<>();
    List<Query> named = view.queries().orElse(List.of());
    if (view.queries().isEmpty()) {
      queries.add(get(view, keyField, view.auth(), Optional.empty()));
      queries.add(list(view, view.auth(), Optional.empty()));
      return queries;
    }
    for (Query query : named) {
      Optional<Auth> auth = query.auth().or(view::auth);
      switch (query.kind()) {
        case GET -> queries.add(get(view, keyField, auth, query.api()));
        case LIST -> queries.add(list(view, auth, query.api()));
        case INDEX -> {
          String field = query.index().map(Located::value).orElseThrow();
          String sort = query.sortField().map(Located::value).orElse("");
          ApiPlace place =
              ApiPlace.of(
                  GraphQlNames.QUERY,
                  GraphQlNames.indexQuery(view.name(), query.name()),
                  query.api());
          queries.add(
              new QueryData(
                  query.name(),
                  "INDEX",
                  place.field(),
                  place.parentType(),
                  place.namespace(),
                  place.resolverFile(),
                  place.resolverId(),
                  ApiDataBuilder.directives(index, auth, place.namespace()),
                  RelationCode.indexName(field, sort),
                  field,
                  argumentType(view, field),
                  sort,
                  query.ascending(),
                  query.prefix().map(p -> GraphQlNames.prefixArgument(p.value())).orElse(""),
                  readChecks.of(auth, field)));
        }
      }
    }
    return queries;
  }

  private QueryData get(
      View view, String keyField, Optional<Auth> auth, Optional<Located<String>> api) {
    ApiPlace place = ApiPlace.of(GraphQlNames.QUERY, GraphQlNames.getQuery(view.name()), api);
    return new QueryData(
        "get",
        "GET",
        place.field(),
        place.parentType(),
        place.namespace(),
        place.resolverFile(),
        place.resolverId(),
        ApiDataBuilder.directives(index, auth, place.namespace()),
        "",
        keyField,
        argumentType(view, keyField),
        "",
        false,
        "",
        readChecks.of(auth, keyField));
  }

  private QueryData list(View view, Optional<Auth> auth, Optional<Located<String>> api) {
    ApiPlace place = ApiPlace.of(GraphQlNames.QUERY, GraphQlNames.listQuery(view.name()), api);
    return new QueryData(
        "list",
        "LIST",
        place.field(),
        place.parentType(),
        place.namespace(),
        place.resolverFile(),
        place.resolverId(),
        ApiDataBuilder.directives(index, auth, place.namespace()),
        "",
        "",
        "",
        "",
        false,
        "",
        readChecks.of(auth, ""));
  }

  private String argumentType(View view, String field) {
    TypeRef type = view.field(field).map(Field::type).orElseThrow();
    return types.graphql(type, entityOwner(view), true, true);
  }
}
