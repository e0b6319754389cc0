package dev.tracepaper.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates the view tables of {@link CounterViews} as the generated SAM template does, a blue and a
 * green one per view ({@link ViewColour}): the key field as partition key (S), an index per query
 * ({@code byParity}: parity, total), TTL on {@code _expiresAt}; and the bookkeeping table (pk S, sk
 * S, TTL on {@code expiresAt}). Table names get a suffix, so that test classes do not share rows.
 */
final class ViewTables {

  /** The key under which {@link #create} answers the bookkeeping table's name. */
  static final String BOOKKEEPING = "BOOKKEEPING";

  private ViewTables() {}

  /**
   * Creates the tables; answers the table name of each projection's variable, and of its green
   * table's ({@link ViewColour#of}).
   */
  static Map<String, String> create(DynamoDbClient dynamoDb, String suffix) {
    Map<String, String> tables = new HashMap<>();
    for (ViewColour colour : ViewColour.values()) {
      String name = colour == ViewColour.BLUE ? suffix : suffix + "-green";
      String totals = "counter-totals-" + name;
      String activity = "counter-activity-" + name;
      createTable(
          dynamoDb,
          totals,
          "id",
          GlobalSecondaryIndex.builder()
              .indexName("byParity")
              .keySchema(key("parity", KeyType.HASH), key("total", KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL))
              .build());
      createTable(dynamoDb, activity, "type", null);
      tables.put(colour.of(CounterViews.TOTALS).tableVariable(), totals);
      tables.put(colour.of(CounterViews.ACTIVITY).tableVariable(), activity);
    }
    String bookkeeping = "view-bookkeeping-" + suffix;
    createBookkeeping(dynamoDb, bookkeeping);
    tables.put(BOOKKEEPING, bookkeeping);
    return Map.copyOf(tables);
  }

  /** The table readers of {@code view} read now, as its rebuild item names it. */
  static String live(DynamoDbClient dynamoDb, Map<String, String> tables, Projection view) {
    ViewColour live =
        ledger(dynamoDb, tables).read(view.view()).map(Rebuild::live).orElse(ViewColour.BLUE);
    return tables.get(live.of(view).tableVariable());
  }

  /** A store on the tables {@link #create} made. */
  static DynamoDbViewStore store(DynamoDbClient dynamoDb, Map<String, String> tables, Clock clock) {
    return new DynamoDbViewStore(dynamoDb, tables::get, tables.get(BOOKKEEPING), clock);
  }

  /** The ledger of rebuilds in the bookkeeping table {@link #create} made. */
  static RebuildLedger ledger(DynamoDbClient dynamoDb, Map<String, String> tables) {
    return new RebuildLedger(dynamoDb, tables.get(BOOKKEEPING), Clock.systemUTC());
  }

  /** A rebuild on the tables {@link #create} made, waiting {@code grace} before it clears. */
  static RebuildHandler rebuild(
      DynamoDbClient dynamoDb,
      String eventTable,
      Map<String, String> tables,
      java.time.Duration grace) {
    return new RebuildHandler(
        dynamoDb,
        eventTable,
        store(dynamoDb, tables, Clock.systemUTC()),
        ledger(dynamoDb, tables),
        CounterViews.ALL,
        Clock.systemUTC(),
        grace);
  }

  static void createBookkeeping(DynamoDbClient dynamoDb, String table) {
    dynamoDb.createTable(
        request ->
            request
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    attribute("pk", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)));
    dynamoDb.updateTimeToLive(
        request ->
            request
                .tableName(table)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
  }

  static void createTable(
      DynamoDbClient dynamoDb, String table, String keyField, GlobalSecondaryIndex index) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(attribute(keyField, ScalarAttributeType.S));
    if (index != null) {
      attributes.add(attribute("parity", ScalarAttributeType.S));
      attributes.add(attribute("total", ScalarAttributeType.N));
    }
    dynamoDb.createTable(
        request -> {
          request
              .tableName(table)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(attributes)
              .keySchema(key(keyField, KeyType.HASH));
          if (index != null) {
            request.globalSecondaryIndexes(index);
          }
        });
    dynamoDb.updateTimeToLive(
        request ->
            request
                .tableName(table)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName("_expiresAt")));
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }
}
