package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
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
import dev.tracepaper.render.data.IndexData;
import dev.tracepaper.render.data.QueryData;
import dev.tracepaper.render.data.RelationData;
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
  private final Map<String, List<String>> byFieldsInto = new LinkedHashMap<>();
  private final Map<String, List<IndexData>> indexesOf = new LinkedHashMap<>();
  private final ReadAuth readAuth;

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
    // Which fields of a view other views' `by` relations look rows up by: one pass, not one per
    // view.
    for (View other : index.model().views()) {
      for (Field field : other.fields()) {
        field
            .constraints()
            .by()
            .ifPresent(
                by ->
                    byFieldsInto
                        .computeIfAbsent(field.type().name(), v -> new ArrayList<>())
                        .add(by.value()));
      }
    }
    this.readAuth = ApiDataBuilder.readAuth(index);
  }

  ViewData of(View view) {
    JavaName row = names.viewRow(view.name());
    String pkg = row.packageName();
    List<Field> stored = stored(view);
    Set<String> rowImports = new TreeSet<>();
    stored.forEach(f -> types.addImports(f.type(), Optional.empty(), rowImports));
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
    String keyField = keyField(view);
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
            .map(f -> fields.data(f, Optional.empty(), FieldCode.Presence.MAYBE_ABSENT, false))
            .toList(),
        stored.stream().map(f -> f.type().list() ? "List.of()" : "null").toList(),
        from(view, stored, keyField, projectionImports),
        handlers(view, stored, keyField, projectionImports),
        queries(view, keyField),
        relations(view),
        view.handlers().isEmpty()
            ? view.set().stream().map(Assignment.SetValue::field).toList()
            : List.of(),
        List.of(),
        List.of(),
        List.of(),
        indexes(view),
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
            names.runtimePackage()));
  }

  /** The fields kept in the table: every field but the relations. */
  private List<Field> stored(View view) {
    return view.fields().stream().filter(f -> !isRelation(f)).toList();
  }

  private static boolean isRelation(Field field) {
    return field.constraints().ref().isPresent() || field.constraints().by().isPresent();
  }

  /** The key field: {@code key:}, else for a {@code from} view the aggregate's key. */
  private String keyField(View view) {
    return view.key()
        .map(Located::value)
        .or(
            () ->
                view.from()
                    .flatMap(f -> index.aggregate(f.value()))
                    .flatMap(Aggregate::key)
                    .map(Located::value))
        .orElseThrow(() -> new IllegalStateException("ViewWithoutKey lets no view go keyless"));
  }

  private List<ViewData.FromData> from(
      View view, List<Field> stored, String keyField, Set<String> imports) {
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
        row.add(expressions.into(set.get(field.name()).value(), field.type(), Optional.empty()));
      } else if (aggregate.field(field.name()).isPresent()) {
        row.add("state." + JavaNames.member(field.name()) + "()");
      } else {
        row.add("null");
      }
    }
    JavaName state = names.state(aggregate.name());
    JavaName type = names.aggregateType(aggregate.name());
    imports.add(state.qualified());
    imports.add(type.qualified());
    imports.add(names.runtimePackage() + ".AggregateType");
    imports.add("java.util.Optional");
    String where =
        view.where().map(w -> ExpressionCode.unwrapped(expressions.java(w))).orElse("true");
    return List.of(
        new ViewData.FromData(
            aggregate.name(),
            state.simpleName(),
            type.simpleName(),
            where,
            row,
            "state." + JavaNames.member(keyField) + "()"));
  }

  private List<ViewData.ViewHandlerData> handlers(
      View view, List<Field> stored, String keyField, Set<String> imports) {
    List<ViewData.ViewHandlerData> handlers = new ArrayList<>();
    for (ViewHandler handler : view.handlers()) {
      Event event = index.event(handler.event()).orElseThrow();
      JavaName eventClass = names.event(event.aggregate(), event.name());
      imports.add(eventClass.qualified());
      JavaName aggregateClass = names.aggregateType(event.aggregate());
      imports.add(aggregateClass.qualified());
      ExpressionCode expressions =
          new ExpressionCode(checked, types, names.runtimePackage(), Map.of(), imports);
      String key =
          handler
              .key()
              .map(k -> ExpressionCode.unwrapped(expressions.java(k)))
              .orElse("event." + JavaNames.member(keyField) + "()");
      Map<String, Assignment.SetValue> set = byField(handler.set());
      List<String> row = new ArrayList<>();
      if (!handler.deletes()) {
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
              eventClass.simpleName(),
              key,
              handler.deletes(),
              row,
              aggregateClass.simpleName(),
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
      queries.add(get(view, keyField, view.auth()));
      queries.add(list(view, view.auth()));
      return queries;
    }
    for (Query query : named) {
      Optional<Auth> auth = query.auth().or(view::auth);
      switch (query.kind()) {
        case GET -> queries.add(get(view, keyField, auth));
        case LIST -> queries.add(list(view, auth));
        case INDEX -> {
          String field = query.index().map(Located::value).orElseThrow();
          String sort = query.sort().map(Located::value).orElse("");
          String graphqlField = GraphQlNames.indexQuery(view.name(), query.name());
          queries.add(
              new QueryData(
                  query.name(),
                  "INDEX",
                  graphqlField,
                  GraphQlNames.resolverFile(GraphQlNames.QUERY, graphqlField),
                  AwsNames.resolverId(GraphQlNames.QUERY, graphqlField),
                  ApiDataBuilder.directives(index, auth),
                  indexName(field, sort),
                  field,
                  argumentType(view, field),
                  sort));
        }
      }
    }
    return queries;
  }

  private QueryData get(View view, String keyField, Optional<Auth> auth) {
    String field = GraphQlNames.getQuery(view.name());
    return new QueryData(
        "get",
        "GET",
        field,
        GraphQlNames.resolverFile(GraphQlNames.QUERY, field),
        AwsNames.resolverId(GraphQlNames.QUERY, field),
        ApiDataBuilder.directives(index, auth),
        "",
        keyField,
        argumentType(view, keyField),
        "");
  }

  private QueryData list(View view, Optional<Auth> auth) {
    String field = GraphQlNames.listQuery(view.name());
    return new QueryData(
        "list",
        "LIST",
        field,
        GraphQlNames.resolverFile(GraphQlNames.QUERY, field),
        AwsNames.resolverId(GraphQlNames.QUERY, field),
        ApiDataBuilder.directives(index, auth),
        "",
        "",
        "",
        "");
  }

  private String argumentType(View view, String field) {
    TypeRef type = view.field(field).map(Field::type).orElseThrow();
    return types.graphql(type, Optional.empty(), true, true);
  }

  /** An index's name: {@code byPatientId}, or {@code byPatientIdThenStartsAt} with a sort key. */
  static String indexName(String field, String sort) {
    return "by" + Case.pascal(field) + (sort.isEmpty() ? "" : "Then" + Case.pascal(sort));
  }

  private List<RelationData> relations(View view) {
    List<RelationData> relations = new ArrayList<>();
    for (Field field : view.fields()) {
      if (!isRelation(field)) {
        continue;
      }
      View target = index.view(field.type().name()).orElseThrow();
      String graphqlField = GraphQlNames.field(field.name());
      String typeName = GraphQlNames.objectType(view.name());
      boolean byRef = field.constraints().ref().isPresent();
      String targetField =
          byRef ? keyField(target) : field.constraints().by().map(Located::value).orElseThrow();
      relations.add(
          new RelationData(
              graphqlField,
              byRef ? "REF" : "BY",
              target.name(),
              AwsNames.viewTableId(target.name()),
              AwsNames.viewDataSourceId(target.name()),
              byRef
                  ? GraphQlNames.objectType(target.name())
                  : GraphQlNames.connection(target.name()) + "!",
              byRef ? field.constraints().ref().map(Located::value).orElseThrow() : keyField(view),
              targetField,
              byRef ? "" : indexOver(target, targetField).name(),
              byRef ? "" : indexOver(target, targetField).rangeKey(),
              GraphQlNames.resolverFile(typeName, graphqlField),
              AwsNames.resolverId(typeName, graphqlField),
              readAuth.relationDirectives(view, field)));
    }
    return relations;
  }

  /** The index of {@code view}'s table over {@code field}: a query's, else one for relations. */
  private IndexData indexOver(View view, String field) {
    return indexes(view).stream().filter(i -> i.hashKey().equals(field)).findFirst().orElseThrow();
  }

  /** The indexes of a view's table: one per index query, and one per relation into it. */
  private List<IndexData> indexes(View view) {
    return indexesOf.computeIfAbsent(view.name(), name -> computeIndexes(view));
  }

  private List<IndexData> computeIndexes(View view) {
    Map<String, IndexData> indexes = new LinkedHashMap<>();
    for (Query query : view.queries().orElse(List.of())) {
      if (query.kind() == Query.Kind.INDEX) {
        String field = query.index().map(Located::value).orElseThrow();
        String sort = query.sort().map(Located::value).orElse("");
        String name = indexName(field, sort);
        indexes.putIfAbsent(
            name,
            new IndexData(
                name,
                field,
                attributeType(view, field),
                sort,
                sort.isEmpty() ? "" : attributeType(view, sort)));
      }
    }
    for (String by : byFieldsInto.getOrDefault(view.name(), List.of())) {
      if (indexes.values().stream().noneMatch(i -> i.hashKey().equals(by))) {
        String name = indexName(by, "");
        indexes.put(name, new IndexData(name, by, attributeType(view, by), "", ""));
      }
    }
    return List.copyOf(indexes.values());
  }

  /** How DynamoDB types a key attribute: numbers {@code N}, everything else text {@code S}. */
  private static String attributeType(View view, String field) {
    return view.field(field)
            .map(f -> f.type().builtin().map(b -> b.isNumeric()).orElse(false))
            .orElse(false)
        ? "N"
        : "S";
  }
}
