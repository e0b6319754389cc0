package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.MotoServer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One row of an {@code on} view fed by many streams (a program, not a test: timings flake on shared
 * machines): each event comes from a new stream and adds one to the row's count, as a counter of
 * all aggregates would. Compares the versions kept beside the row (one item per stream, in one
 * transaction with the row) with the map {@code _versions} the row held before (GetItem, then a
 * PutItem of the whole row with every stream's version), on a local moto_server. Prints, at each
 * step, the row's item size by DynamoDB's rules, the write and read units one event costs, and the
 * time per event over the step. After its timed events, the map in the row is grown without
 * requests to where its item passes DynamoDB's 400 KB limit (moto takes hours to get there). See
 * docs/performance.md, "Rows of on views fed by many streams".
 *
 * <p>Arguments: [events beside, default 2000] [step, default 500] [timed events in the row, default
 * 1000].
 */
public final class OnViewRowBench {

  private static final int MAX_ITEM = 400 * 1024;

  private OnViewRowBench() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int step = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int inRowEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    MotoServer moto = MotoServer.startStandalone();
    try (DynamoDbClient dynamoDb = moto.dynamoDb()) {
      Map<String, String> tables = ViewTables.create(dynamoDb, "bench");
      String table = tables.get(CounterViews.ACTIVITY.tableVariable());
      System.out.println("versions kept beside the row:");
      beside(dynamoDb, tables, table, events, step);
      System.out.println("versions in the row (_versions), as before:");
      inRow(dynamoDb, table, inRowEvents, step);
    } finally {
      moto.stop();
    }
  }

  private static void beside(
      DynamoDbClient dynamoDb, Map<String, String> tables, String table, int events, int step) {
    DynamoDbViewStore store = ViewTables.store(dynamoDb, tables, Clock.systemUTC());
    Projection view = CounterViews.ACTIVITY;
    String key = "beside";
    long start = System.nanoTime();
    for (int i = 1; i <= events; i++) {
      ViewRow read = store.read(view, key);
      long count = read.live().map(row -> row.path("count").asLong()).orElse(0L);
      RowChange change =
          new RowChange.Put(key, Json.object().put("type", key).put("count", count + 1));
      if (store.write(view, event(), change, read) != ViewStore.Write.APPLIED) {
        throw new IllegalStateException("not applied at event " + i);
      }
      if (i % step == 0) {
        Map<String, AttributeValue> item = item(dynamoDb, table, key);
        int size = size(item);
        // Strongly consistent read: 1 unit per 4 KB; a transaction costs two units per KB of each
        // item, and the version item is under 1 KB.
        print(i, size, units(size, 4096), 2 * units(size, 1024) + 2, start, step);
        start = System.nanoTime();
      }
    }
  }

  private static void inRow(DynamoDbClient dynamoDb, String table, int events, int step) {
    String key = "in-row";
    Map<String, AttributeValue> versions = new HashMap<>();
    long start = System.nanoTime();
    for (int i = 1; i <= events; i++) {
      Map<String, AttributeValue> read = item(dynamoDb, table, key);
      long count = read == null ? 0 : Long.parseLong(read.get("count").n());
      Map<String, AttributeValue> item = inRowItem(key, count + 1, versions);
      dynamoDb.putItem(r -> r.tableName(table).item(item));
      if (i % step == 0) {
        int size = size(item);
        print(i, size, units(size, 4096), units(size, 1024), start, step);
        start = System.nanoTime();
      }
    }
    // Grown without requests: the size the next writes would put.
    for (int i = events + 1; ; i++) {
      int size = size(inRowItem(key, i, versions));
      if (size > MAX_ITEM) {
        System.out.printf(
            "  event %6d: row %7d bytes: past DynamoDB's 400 KB item limit, refused (computed)%n",
            i, size);
        return;
      }
      if (i % 2_000 == 0) {
        System.out.printf(
            "  event %6d: row %7d bytes, %3d read + %3d write units per event (computed)%n",
            i, size, units(size, 4096), units(size, 1024));
      }
    }
  }

  /** The row as the earlier store wrote it, with one more stream's version in its map. */
  private static Map<String, AttributeValue> inRowItem(
      String key, long count, Map<String, AttributeValue> versions) {
    versions.put("Counter#k-" + UUID.randomUUID(), AttributeValue.fromN("1"));
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("type", AttributeValue.fromS(key));
    item.put("count", AttributeValue.fromN(Long.toString(count)));
    item.put("_versions", AttributeValue.fromM(versions));
    item.put("_revision", AttributeValue.fromS(UUID.randomUUID().toString()));
    return item;
  }

  private static void print(int events, int size, int read, int write, long start, int step) {
    System.out.printf(
        "  event %6d: row %7d bytes, %3d read + %3d write units per event, %.2f ms per event%n",
        events, size, read, write, (System.nanoTime() - start) / 1e6 / step);
  }

  private static StoredEvent event() {
    return ViewStoreContract.event("k-" + UUID.randomUUID(), 1, "CounterIncremented");
  }

  private static Map<String, AttributeValue> item(
      DynamoDbClient dynamoDb, String table, String key) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                r ->
                    r.tableName(table)
                        .key(Map.of("type", AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static int units(int bytes, int unit) {
    return Math.max(1, (bytes + unit - 1) / unit);
  }

  /** An item's size as DynamoDB counts it: names and values, maps and lists with overhead. */
  static int size(Map<String, AttributeValue> item) {
    int size = 0;
    for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
      size += utf8(attribute.getKey()) + size(attribute.getValue());
    }
    return size;
  }

  private static int size(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> (value.n().replace("-", "").replace(".", "").length() + 1) / 2 + 1;
      case BOOL, NUL -> 1;
      case M -> {
        int size = 3;
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
          size += utf8(entry.getKey()) + size(entry.getValue()) + 1;
        }
        yield size;
      }
      case L -> 3 + value.l().stream().mapToInt(element -> size(element) + 1).sum();
      default -> throw new IllegalArgumentException("not measured: " + value.type());
    };
  }

  private static int utf8(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
