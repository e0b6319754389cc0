package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracepaper.runtime.testing.MotoServer;
import dev.tracepaper.runtime.testing.RequestCounter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one event naming many rows costs in DynamoDB (on moto_server): a consistent GetItem and a
 * TransactWriteItems per row, one row after the other, and the same again when it is redelivered,
 * every transaction then refused. docs/model-reference.md sizes a handler's {@code keys} by it.
 */
class MultiRowProjectionCostTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private static final int ROWS = 100;

  @Test
  void eachRowCostsAReadAndATransactionAndARedeliveryChangesNone() {
    RequestCounter requests = new RequestCounter();
    try (DynamoDbClient admin = MOTO.dynamoDb();
        DynamoDbClient client = MOTO.dynamoDb(requests)) {
      ViewTables.createTable(admin, "pokes-cost", "id", null);
      ViewTables.createBookkeeping(admin, "view-bookkeeping-pokes-cost");
      DynamoDbViewStore store =
          new DynamoDbViewStore(
              client,
              Map.of(MultiRowProjectionTest.POKES.tableVariable(), "pokes-cost")::get,
              "view-bookkeeping-pokes-cost",
              Clock.systemUTC());
      Projector projector = new Projector(store);
      String[] keys = IntStream.range(0, ROWS).mapToObj(i -> "r" + i).toArray(String[]::new);
      StoredEvent event = MultiRowProjectionTest.poked("p1", 1, keys);

      long started = System.nanoTime();
      List<RowChange> written = projector.project(MultiRowProjectionTest.POKES, event);
      long firstMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(ROWS, written.size());
      assertEquals(Map.of("GetItem", ROWS, "TransactWriteItems", ROWS), requests.counts());

      requests.reset();
      started = System.nanoTime();
      List<RowChange> again = projector.project(MultiRowProjectionTest.POKES, event);
      long againMillis = (System.nanoTime() - started) / 1_000_000;
      assertEquals(List.of(), again);
      assertEquals(Map.of("GetItem", ROWS, "TransactWriteItems", ROWS), requests.counts());

      System.out.printf(
          "%d rows of one event on moto_server: %d ms (%.1f ms a row); redelivered: %d ms%n",
          ROWS, firstMillis, (double) firstMillis / ROWS, againMillis);
    }
  }
}
