package dev.tracepaper.render.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A view: a row record, its projection (how events change rows), its DynamoDB table with indexes,
 * and its GraphQL type, queries and relations.
 *
 * @param name the model name, also the GraphQL object type ({@code BookAvailability})
 * @param javaClass the row record ({@code BookAvailability}) in {@code javaPackage}
 * @param projectionClass the projection ({@code BookAvailabilityProjection})
 * @param javaPackage the views package
 * @param keyField the key field's name: the table's partition key attribute and the GraphQL
 *     argument of {@code get}
 * @param keyMember the key's record component
 * @param tableSuffix the table name's suffix after the stack name ({@code book-availability})
 * @param tableLogicalId the table's logical id
 * @param tableVariable the environment variable holding the table's name
 * @param dataSourceLogicalId the AppSync DynamoDB data source's logical id
 * @param generations its two generations, blue then green: each a table, a data source and the
 *     pipeline function reading it; blue's table and data source are {@code tableLogicalId} and
 *     {@code dataSourceLogicalId}
 * @param connectionType the GraphQL page type ({@code BookAvailabilityConnection})
 * @param retentionDays days a row is kept after its last change; 0 for ever
 * @param directives the GraphQL auth directives of the type ({@code ""} for the default mode)
 * @param fields the stored fields (relations left out), in model order
 * @param emptyRow the Java values of a row no event has set yet, one per stored field
 * @param from how rows follow an aggregate's state; empty for a view fed {@code on} events
 * @param handlers how rows follow events; empty for a {@code from} view
 * @param queries its queries
 * @param relations its relation fields
 * @param computed the stored fields a {@code from} view computes ({@code set}) rather than copies
 * @param cases the cases of the model whose past events the view's test replays
 * @param tests the view's own cases ({@code tests:} of the view): events, then rows
 * @param testImports the aggregate classes the view's test imports, sorted
 * @param indexes the secondary indexes of its table (for its queries and for relations into it)
 * @param imports the classes the row record imports, sorted
 * @param projectionImports the classes the projection imports, sorted
 * @param description the description, empty when none
 * @param element how generated file headers name it
 * @param custom its hand-written part ({@code custom: true})
 * @param subscription its subscription ({@code notify: true})
 */
public record ViewData(
    String name,
    String javaClass,
    String projectionClass,
    String javaPackage,
    String keyField,
    String keyMember,
    String tableSuffix,
    String tableLogicalId,
    String tableVariable,
    String dataSourceLogicalId,
    List<GenerationData> generations,
    String connectionType,
    long retentionDays,
    String directives,
    List<FieldData> fields,
    List<String> emptyRow,
    List<FromData> from,
    List<ViewHandlerData> handlers,
    List<QueryData> queries,
    List<RelationData> relations,
    List<String> computed,
    List<ViewCase> cases,
    List<ViewTestData> tests,
    List<String> testImports,
    List<IndexData> indexes,
    List<String> imports,
    List<String> projectionImports,
    String description,
    String element,
    CustomData custom,
    SubscriptionData subscription)
    implements ModelElement {

  public ViewData {
    generations = List.copyOf(generations);
    fields = List.copyOf(fields);
    emptyRow = List.copyOf(emptyRow);
    from = List.copyOf(from);
    handlers = List.copyOf(handlers);
    queries = List.copyOf(queries);
    relations = List.copyOf(relations);
    computed = List.copyOf(computed);
    cases = List.copyOf(cases);
    tests = List.copyOf(tests);
    testImports = List.copyOf(testImports);
    indexes = List.copyOf(indexes);
    imports = List.copyOf(imports);
    projectionImports = List.copyOf(projectionImports);
  }

  /**
   * The attributes the table's key and its indexes use, each once, with its DynamoDB type: what
   * CloudFormation's {@code AttributeDefinitions} must list, no more (a key is always text).
   */
  public List<AttributeData> keyAttributes() {
    Map<String, String> types = new LinkedHashMap<>();
    types.put(keyField, "S");
    for (IndexData index : indexes) {
      types.putIfAbsent(index.hashKey(), index.hashKeyType());
      if (!index.rangeKey().isEmpty()) {
        types.putIfAbsent(index.rangeKey(), index.rangeKeyType());
      }
    }
    return types.entrySet().stream().map(e -> new AttributeData(e.getKey(), e.getValue())).toList();
  }

  /**
   * An attribute of a table's key or index.
   *
   * @param name the attribute's name
   * @param type its DynamoDB type ({@code S} or {@code N})
   */
  public record AttributeData(String name, String type) {}

  /**
   * A view kept equal to an aggregate's state.
   *
   * @param aggregate the aggregate's name
   * @param stateClass its state record (simple name; imported)
   * @param aggregateClass its runtime description (simple name; imported)
   * @param where the Java condition a state must meet to have a row ({@code true} without {@code
   *     where}), reading {@code state}
   * @param row the Java arguments of the row's constructor, one per stored field, reading {@code
   *     state}
   * @param key the Java expression of the row's key, reading {@code state}
   */
  public record FromData(
      String aggregate,
      String stateClass,
      String aggregateClass,
      String where,
      List<String> row,
      String key) {
    public FromData {
      row = List.copyOf(row);
    }
  }

  /**
   * How a view reacts to one event.
   *
   * @param aggregate the event's aggregate
   * @param eventType the event's name
   * @param eventClass the event record (simple name; imported)
   * @param key the Java expression of the row's key, reading {@code event}; empty when {@code keys}
   *     names the rows
   * @param keys the Java expression of the list of the keys of the rows the event changes ({@code
   *     keys:}), reading {@code event}; empty when the handler changes the one row {@code key}
   *     names
   * @param deletes whether the handler always deletes the row ({@code delete: true})
   * @param deleteIf the Java condition, reading {@code event} and the current row {@code view},
   *     under which the row is removed instead of set; empty when the handler has none
   * @param row the Java arguments of the row's constructor, one per stored field, reading {@code
   *     event} and the current row {@code view}; empty when the handler sets nothing
   * @param aggregateClass the runtime's description of the event's aggregate (simple name;
   *     imported), which upcasts its stored events
   * @param storedTypes the type names stored events of it may carry: its name, then the names it
   *     was {@code renamedFrom}
   */
  public record ViewHandlerData(
      String aggregate,
      String eventType,
      String eventClass,
      String key,
      String keys,
      boolean deletes,
      String deleteIf,
      List<String> row,
      String aggregateClass,
      List<String> storedTypes) {
    public ViewHandlerData {
      row = List.copyOf(row);
      storedTypes = List.copyOf(storedTypes);
    }
  }
}
