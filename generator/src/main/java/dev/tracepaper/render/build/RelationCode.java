package dev.tracepaper.render.build;

import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.IndexData;
import dev.tracepaper.render.data.RelationData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ways into a view's table beside its key: the secondary indexes its queries and the relations
 * into it need, and its relation fields ({@code ref}, {@code by}, {@code refs}) with the index and
 * the order each reads.
 */
final class RelationCode {

  private final ModelIndex index;
  private final ReadAuth readAuth;
  private final ReadChecks readChecks;
  private final Map<String, List<ByField>> byFieldsInto = new LinkedHashMap<>();
  private final Map<String, List<IndexData>> indexesOf = new LinkedHashMap<>();

  /**
   * A field other views' {@code by} relations look rows up by, and the field they match a prefix
   * of.
   */
  private record ByField(String field, String prefix) {}

  RelationCode(ModelIndex index, ReadAuth readAuth, ReadChecks readChecks) {
    this.index = index;
    this.readAuth = readAuth;
    this.readChecks = readChecks;
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
                        .add(
                            new ByField(
                                by.value(),
                                field.constraints().prefix().map(Located::value).orElse(""))));
      }
    }
  }

  /** An index's name: {@code byPatientId}, or {@code byPatientIdThenStartsAt} with a sort key. */
  static String indexName(String field, String sort) {
    return "by" + Case.pascal(field) + (sort.isEmpty() ? "" : "Then" + Case.pascal(sort));
  }

  /** The relation fields of {@code view}. */
  List<RelationData> of(View view) {
    List<RelationData> relations = new ArrayList<>();
    for (Field field : view.fields()) {
      if (field.constraints().relates()) {
        relations.add(relation(view, field));
      }
    }
    return relations;
  }

  /**
   * A relation: {@code ref} (a GetItem by this row's field), {@code by} (a Query of the other
   * view's index over its field, perhaps matching a prefix of the index's sort key) or {@code refs}
   * (a BatchGetItem of the keys this row's list holds).
   */
  private RelationData relation(View view, Field field) {
    View target = index.view(field.type().name()).orElseThrow();
    String graphqlField = GraphQlNames.field(field.name());
    String typeName = GraphQlNames.objectType(view.name());
    var c = field.constraints();
    String kind = c.ref().isPresent() ? "REF" : c.refs().isPresent() ? "REFS" : "BY";
    String sourceField =
        switch (kind) {
          case "REF" -> c.ref().orElseThrow().value();
          case "REFS" -> c.refs().orElseThrow().value();
          default -> ViewCode.keyField(index, view);
        };
    String targetField =
        kind.equals("BY") ? c.by().orElseThrow().value() : ViewCode.keyField(index, target);
    String prefix = c.prefix().map(Located::value).orElse("");
    Optional<IndexData> over =
        kind.equals("BY") ? Optional.of(indexOver(target, targetField, prefix)) : Optional.empty();
    return new RelationData(
        graphqlField,
        kind,
        target.name(),
        AwsNames.viewTableId(target.name()),
        AwsNames.viewDataSourceId(target.name()),
        kind.equals("REF")
            ? GraphQlNames.objectType(target.name())
            : GraphQlNames.connection(target.name()) + "!",
        sourceField,
        targetField,
        over.map(IndexData::name).orElse(""),
        over.map(IndexData::rangeKey).orElse(""),
        over.map(i -> ascending(target, i, !prefix.isEmpty())).orElse(false),
        GraphQlNames.resolverFile(typeName, graphqlField),
        AwsNames.resolverId(typeName, graphqlField),
        readAuth.relationDirectives(view, field),
        prefix.isEmpty() ? "" : GraphQlNames.prefixArgument(prefix),
        readChecks.of(target.auth(), ""));
  }

  /**
   * Whether a relation reads the rows of {@code index} in ascending order: as the first query over
   * it orders them; without one, a prefix relation in its prefix field's order ({@code byDefault}),
   * any other latest first (an index made for a plain relation has no sort key).
   */
  private static boolean ascending(View view, IndexData index, boolean byDefault) {
    return view.queries().orElse(List.of()).stream()
        .filter(q -> q.kind() == Query.Kind.INDEX)
        .filter(q -> indexName(q.index().orElseThrow().value(), sortOf(q)).equals(index.name()))
        .findFirst()
        .map(Query::ascending)
        .orElse(byDefault);
  }

  private static String sortOf(Query query) {
    return query.sortField().map(Located::value).orElse("");
  }

  /**
   * The index of {@code view}'s table over {@code field} (sorted by {@code prefix}, when given): a
   * query's, else one made for relations.
   */
  private IndexData indexOver(View view, String field, String prefix) {
    return indexes(view).stream()
        .filter(i -> i.hashKey().equals(field))
        .filter(i -> prefix.isEmpty() || i.rangeKey().equals(prefix))
        .findFirst()
        .orElseThrow();
  }

  /** The indexes of a view's table: one per index query, and one per relation into it. */
  List<IndexData> indexes(View view) {
    return indexesOf.computeIfAbsent(view.name(), name -> computeIndexes(view));
  }

  private List<IndexData> computeIndexes(View view) {
    Map<String, IndexData> indexes = new LinkedHashMap<>();
    for (Query query : view.queries().orElse(List.of())) {
      if (query.kind() == Query.Kind.INDEX) {
        String field = query.index().map(Located::value).orElseThrow();
        String sort = sortOf(query);
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
    for (ByField by : byFieldsInto.getOrDefault(view.name(), List.of())) {
      boolean covered =
          indexes.values().stream()
              .anyMatch(
                  i ->
                      i.hashKey().equals(by.field())
                          && (by.prefix().isEmpty() || i.rangeKey().equals(by.prefix())));
      if (!covered) {
        String name = indexName(by.field(), by.prefix());
        indexes.put(
            name,
            new IndexData(
                name,
                by.field(),
                attributeType(view, by.field()),
                by.prefix(),
                by.prefix().isEmpty() ? "" : attributeType(view, by.prefix())));
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
