package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
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
    store = new DynamoDbViewStore(dynamoDb, tables::get, Clock.fixed(NOW, ZoneOffset.UTC));
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

  private static Map<String, AttributeValue> item(Projection view, String keyField, String key) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(tables.get(view.tableVariable()))
                    .key(Map.of(keyField, AttributeValue.fromS(key))))
        .item();
  }
}
