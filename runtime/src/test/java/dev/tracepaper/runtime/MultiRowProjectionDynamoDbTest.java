package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Events changing several rows in DynamoDB (on moto_server), and what one naming many rows costs: a
 * consistent GetItem and a TransactWriteItems per row, one row after the other, and the same again
 * when it is redelivered, every transaction then refused. docs/model-reference.md sizes a handler's
 * {@code keys} by it.
 */
class MultiRowProjectionDynamoDbTest extends MultiRowProjectionContract {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final int ROWS = 100;

  private DynamoDbClient dynamoDb;
  private String suffix;
  private DynamoDbViewStore store;

  @BeforeEach
  void createTables(TestInfo test) {
    dynamoDb = MOTO.dynamoDb();
    suffix = "multi-row-" + test.getTestMethod().orElseThrow().getName().toLowerCase();
    ViewTables.createTable(dynamoDb, "pokes-" + suffix, "id", null);
    ViewTables.createBookkeeping(dynamoDb, "view-bookkeeping-" + suffix);
    store = store(dynamoDb, suffix);
  }

  @AfterEach
  void closeClient() {
    dynamoDb.close();
  }

  @Override
  ViewStore store() {
    return store;
  }

  private static DynamoDbViewStore store(DynamoDbClient client, String suffix) {
    return new DynamoDbViewStore(
        client,
        Map.of(POKES.tableVariable(), "pokes-" + suffix)::get,
        "view-bookkeeping-" + suffix,
        Clock.systemUTC());
  }

  @Test
  void eachRowCostsAReadAndATransactionAndARedeliveryChangesNone() {
    RequestCounter requests = new RequestCounter();
    try (DynamoDbClient client = MOTO.dynamoDb(requests)) {
      Projector projector = new Projector(store(client, suffix));
      String[] keys = IntStream.range(0, ROWS).mapToObj(i -> "r" + i).toArray(String[]::new);
      StoredEvent event = poked("p1", 1, keys);

      long started = System.nanoTime();
      List<RowChange> written = projector.project(POKES, event);
      long firstMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(ROWS, written.size());
      assertEquals(Map.of("GetItem", ROWS, "TransactWriteItems", ROWS), requests.counts());

      requests.reset();
      started = System.nanoTime();
      List<RowChange> again = projector.project(POKES, event);
      long againMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(List.of(), again);
      assertEquals(Map.of("GetItem", ROWS, "TransactWriteItems", ROWS), requests.counts());

      System.out.printf(
          "%d rows of one event on moto_server: %d ms (%.1f ms a row); redelivered: %d ms%n",
          ROWS, firstMillis, (double) firstMillis / ROWS, againMillis);
    }
  }
}
