package dev.tracepaper.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * View rows in DynamoDB, one table per view, keyed by the view's key field (type S). A row's fields
 * are native attributes ({@link AttributeValues}); the store's own attributes start with {@code _}:
 *
 * <ul>
 *   <li>{@code _versions}: map of event-store stream id to the last version applied to the row;
 *   <li>{@code _revision}: a fresh random id on every write, which a write after a read requires
 *       unchanged;
 *   <li>{@code _deleted}: true on a tombstone, which keeps {@code _versions} so that a late older
 *       event cannot bring a deleted row back; resolvers treat it as no row;
 *   <li>{@code _expiresAt}: the TTL (epoch seconds): {@link Projection#retentionDays()} after the
 *       event for a row of a view with a retention, {@link #TOMBSTONE_LIFETIME} after the delete
 *       for a tombstone.
 * </ul>
 *
 * <p>Every write is one PutItem whose condition enforces the version rule, so a write computed
 * without reading costs exactly one request.
 */
public final class DynamoDbViewStore implements ViewStore {

  /** How long a tombstone guards a deleted row against late events (longer than any retry). */
  static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(7);

  static final String VERSIONS = "_versions";
  static final String REVISION = "_revision";
  static final String DELETED = "_deleted";
  static final String EXPIRES_AT = "_expiresAt";

  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
  private static final int MAX_BATCH_WRITE = 25;

  private final DynamoDbClient dynamoDb;
  private final Function<Projection, String> tableOf;
  private final Clock clock;
  private final Map<String, String> tables = new ConcurrentHashMap<>();

  /**
   * @param tableOfVariable the table name held by a projection's {@link Projection#tableVariable()}
   * @param clock the time tombstones expire from
   */
  public DynamoDbViewStore(
      DynamoDbClient dynamoDb, UnaryOperator<String> tableOfVariable, Clock clock) {
    this(dynamoDb, clock, view -> tableOfVariable.apply(view.tableVariable()));
  }

  private DynamoDbViewStore(
      DynamoDbClient dynamoDb, Clock clock, Function<Projection, String> tableOf) {
    this.dynamoDb = dynamoDb;
    this.tableOf = tableOf;
    this.clock = clock;
  }

  /**
   * The store of a Lambda function: the shared client; a view's table is {@code VIEW_TABLE_PREFIX}
   * (the app's stack name and a dot) followed by its {@link Projection#tableSuffix()}.
   */
  public static DynamoDbViewStore fromEnvironment() {
    String prefix = AwsClients.environment("VIEW_TABLE_PREFIX");
    return new DynamoDbViewStore(
        AwsClients.dynamoDb(), Clock.systemUTC(), view -> prefix + view.tableSuffix());
  }

  @Override
  public ViewRow read(Projection view, String key) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                request ->
                    request
                        .tableName(table(view))
                        .key(Map.of(view.keyField(), AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty()) {
      return ViewRow.absent(key);
    }
    Map<String, Long> versions = new HashMap<>();
    AttributeValue stored = item.get(VERSIONS);
    if (stored != null) {
      stored.m().forEach((stream, version) -> versions.put(stream, Long.parseLong(version.n())));
    }
    AttributeValue deleted = item.get(DELETED);
    boolean tombstone = deleted != null && Boolean.TRUE.equals(deleted.bool());
    AttributeValue revision = item.get(REVISION);
    return new ViewRow(
        key,
        tombstone ? null : AttributeValues.fields(item),
        versions,
        revision == null ? "" : revision.s());
  }

  @Override
  public Write write(Projection view, StoredEvent event, RowChange change) {
    return put(
        view,
        item(view, event, change, Map.of()),
        "attribute_not_exists(#key) OR attribute_not_exists(#versions.#stream)"
            + " OR #versions.#stream < :version",
        Map.of("#key", view.keyField(), "#versions", VERSIONS, "#stream", event.streamId()),
        Map.of(":version", number(event.version())),
        Write.STALE);
  }

  @Override
  public Write write(Projection view, StoredEvent event, RowChange change, ViewRow read) {
    if (read.hasSeen(event)) {
      return Write.STALE;
    }
    Map<String, AttributeValue> item = item(view, event, change, read.versions());
    if (!read.stored()) {
      return put(
          view,
          item,
          "attribute_not_exists(#key)",
          Map.of("#key", view.keyField()),
          Map.of(),
          Write.CHANGED);
    }
    return put(
        view,
        item,
        "#revision = :revision",
        Map.of("#revision", REVISION),
        Map.of(":revision", AttributeValue.fromS(read.revision())),
        Write.CHANGED);
  }

  @Override
  public long deleteAll(Projection view) {
    String table = table(view);
    long deleted = 0;
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      ScanResponse page =
          dynamoDb.scan(
              request ->
                  request
                      .tableName(table)
                      .projectionExpression("#key")
                      .expressionAttributeNames(Map.of("#key", view.keyField()))
                      .exclusiveStartKey(from));
      List<WriteRequest> deletes = new ArrayList<>();
      for (Map<String, AttributeValue> key : page.items()) {
        deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(key)).build());
      }
      for (int i = 0; i < deletes.size(); i += MAX_BATCH_WRITE) {
        batchWrite(table, deletes.subList(i, Math.min(i + MAX_BATCH_WRITE, deletes.size())));
      }
      deleted += deletes.size();
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return deleted;
  }

  /** The item for {@code change}: the row (or a tombstone) with the versions after the event. */
  private Map<String, AttributeValue> item(
      Projection view, StoredEvent event, RowChange change, Map<String, Long> versionsBefore) {
    Map<String, AttributeValue> versions = new HashMap<>();
    versionsBefore.forEach((stream, version) -> versions.put(stream, number(version)));
    versions.put(event.streamId(), number(event.version()));
    Map<String, AttributeValue> item;
    if (change instanceof RowChange.Put put) {
      item = AttributeValues.item(put.row());
      if (view.retentionDays() > 0) {
        Instant expires = event.timestamp().plusSeconds(view.retentionDays() * SECONDS_PER_DAY);
        item.put(EXPIRES_AT, number(expires.getEpochSecond()));
      }
    } else {
      // A delete leaves a tombstone, so that an older event replayed later cannot revive the row.
      item = new HashMap<>();
      item.put(DELETED, AttributeValue.fromBool(true));
      Instant expires = clock.instant().plus(TOMBSTONE_LIFETIME);
      item.put(EXPIRES_AT, number(expires.getEpochSecond()));
    }
    item.put(view.keyField(), AttributeValue.fromS(change.key()));
    item.put(VERSIONS, AttributeValue.fromM(versions));
    item.put(REVISION, AttributeValue.fromS(UUID.randomUUID().toString()));
    return item;
  }

  /** One conditional PutItem; a failed condition answers {@code failed}. */
  private Write put(
      Projection view,
      Map<String, AttributeValue> item,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values,
      Write failed) {
    try {
      dynamoDb.putItem(
          request ->
              request
                  .tableName(table(view))
                  .item(item)
                  .conditionExpression(condition)
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values.isEmpty() ? null : values));
      return Write.APPLIED;
    } catch (ConditionalCheckFailedException e) {
      return failed;
    }
  }

  /** Deletes a batch, sending again what DynamoDB left unprocessed (throttling), with backoff. */
  private void batchWrite(String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        Backoff.sleep(attempt);
      }
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
    }
  }

  private String table(Projection view) {
    return tables.computeIfAbsent(view.view(), name -> tableOf.apply(view));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
