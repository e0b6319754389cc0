package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The view store contract on moto_server, and the items it writes. */
class DynamoDbViewStoreTest extends ViewStoreContract {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static DynamoDbClient dynamoDb;
  private static Map<String, String> tables;
  private static DynamoDbViewStore store;

  @BeforeAll
  static void createTables() {
    dynamoDb = MOTO.dynamoDb();
    tables = ViewTables.create(dynamoDb, "store-test");
    store = ViewTables.store(dynamoDb, tables, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void closeClient() {
    dynamoDb.close();
  }

  @Override
  ViewStore store() {
    return store;
  }

  @Test
  void rowsAreNativeAttributesWithTheStoresOwnBeside() {
    String key = newKey();
    StoredEvent event = event(key, 2, "CounterIncremented");
    ObjectNode row = put(key, 7).row();
    row.remove("gone");
    row.putArray("tags").add("a").add(1.5);
    row.putObject("nested").put("on", true).putNull("off");
    store.write(CounterViews.ACTIVITY, event, new RowChange.Put(key, row));

    Map<String, AttributeValue> item = item(CounterViews.ACTIVITY, "type", key);
    assertEquals(key, item.get("type").s());
    assertEquals("7", item.get("total").n());
    assertFalse(item.containsKey("gone"));
    assertEquals("a", item.get("tags").l().get(0).s());
    assertEquals("1.5", item.get("tags").l().get(1).n());
    assertEquals(true, item.get("nested").m().get("on").bool());
    assertEquals(true, item.get("nested").m().get("off").nul());
    assertEquals("2", item.get("_versions").m().get(event.streamId()).n());
    long thirtyDays = NOW.plus(Duration.ofDays(30)).getEpochSecond();
    assertEquals(Long.toString(thirtyDays), item.get("_expiresAt").n());
    ObjectNode read = store.read(CounterViews.ACTIVITY, key).live().orElseThrow();
    assertSameJson(row.put("type", key), read);
  }

  @Test
  void aTombstoneExpiresAfterAFixedLifetime() {
    String key = newKey();
    store.write(CounterViews.TOTALS, event(key, 1, "CounterDeleted"), new RowChange.Delete(key));

    Map<String, AttributeValue> item = item(CounterViews.TOTALS, "id", key);
    assertEquals(true, item.get("_deleted").bool());
    long expires = NOW.plus(DynamoDbViewStore.TOMBSTONE_LIFETIME).getEpochSecond();
    assertEquals(Long.toString(expires), item.get("_expiresAt").n());
  }

  @Test
  void aRowWithVersionsInItsItemStaysReadableAndStopsGrowing() {
    String key = newKey();
    StoredEvent a3 = event(newKey(), 3, "CounterIncremented");
    StoredEvent b2 = event(newKey(), 2, "CounterIncremented");
    // A row as an earlier runtime wrote it after reads: every stream's version in the item.
    Map<String, AttributeValue> legacy = new java.util.HashMap<>();
    legacy.put("type", AttributeValue.fromS(key));
    legacy.put("count", AttributeValue.fromN("5"));
    legacy.put(
        "_versions",
        AttributeValue.fromM(
            Map.of(
                a3.streamId(), AttributeValue.fromN("3"),
                b2.streamId(), AttributeValue.fromN("2"))));
    legacy.put("_revision", AttributeValue.fromS("r-1"));
    dynamoDb.putItem(
        r -> r.tableName(tables.get(CounterViews.ACTIVITY.tableVariable())).item(legacy));
    Projection view = CounterViews.ACTIVITY;

    assertEquals(
        ViewStore.Write.STALE, store.write(view, a3, count(key, 9), store.read(view, key)));
    StoredEvent c1 = event(newKey(), 1, "CounterIncremented");
    assertEquals(
        ViewStore.Write.APPLIED, store.write(view, c1, count(key, 6), store.read(view, key)));
    StoredEvent a4 = event(a3.key(), 4, "CounterIncremented");
    assertEquals(
        ViewStore.Write.APPLIED, store.write(view, a4, count(key, 7), store.read(view, key)));
    for (StoredEvent seen : List.of(a3, b2, c1, a4)) {
      assertEquals(
          ViewStore.Write.STALE, store.write(view, seen, count(key, 9), store.read(view, key)));
    }

    Map<String, AttributeValue> item = item(view, "type", key);
    assertEquals("7", item.get("count").n());
    assertEquals(legacy.get("_versions"), item.get("_versions"), "frozen as it was");
    assertTrue(item.containsKey("_incarnation"));
  }

  private static RowChange.Put count(String key, long count) {
    return new RowChange.Put(key, Json.object().put("type", key).put("count", count));
  }

  private static Map<String, AttributeValue> item(Projection view, String keyField, String key) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(tables.get(view.tableVariable()))
                    .key(Map.of(keyField, AttributeValue.fromS(key))))
        .item();
  }
}
