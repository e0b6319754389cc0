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
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * View rows in DynamoDB, one table per view, keyed by the view's key field (type S). A row's fields
 * are native attributes ({@link AttributeValues}); the store's own attributes start with {@code _}:
 *
 * <ul>
 *   <li>{@code _versions}: map of event-store stream id to the last version applied to the row, on
 *       a row written without a read (one stream), and frozen as it was on a row written after a
 *       read by an earlier runtime;
 *   <li>{@code _incarnation}: on a row written after a read, the id under which the bookkeeping
 *       table keeps one version item per stream that fed the row;
 *   <li>{@code _revision}: a fresh random id on every write, which a write after a read requires
 *       unchanged;
 *   <li>{@code _deleted}: true on a tombstone, which keeps {@code _versions} so that a late older
 *       event cannot bring a deleted row back; resolvers treat it as no row;
 *   <li>{@code _expiresAt}: the TTL (epoch seconds): {@link Projection#retentionDays()} after the
 *       event for a row of a view with a retention, {@link #TOMBSTONE_LIFETIME} after the delete
 *       for a tombstone.
 * </ul>
 *
 * <p>A write computed without reading is one PutItem whose condition enforces the version rule:
 * exactly one request. A write after a read is one transaction of the row, on condition that it did
 * not change since the read, and the version item of the event's stream in the bookkeeping table
 * ({@code pk = <view>/<incarnation>}, {@code sk =} the stream id, {@code version}, {@code
 * expiresAt}), on condition that it holds a lower version or none: a row fed by any number of
 * streams keeps a small item, and each stream's version lives {@link #VERSION_LIFETIME} after its
 * last write, longer than any redelivery.
 */
public final class DynamoDbViewStore implements ViewStore {

  /** How long a tombstone guards a deleted row against late events (longer than any retry). */
  static final Duration TOMBSTONE_LIFETIME = Duration.ofDays(7);

  /** How long the version of a stream that fed a row is kept after its last write. */
  static final Duration VERSION_LIFETIME = TOMBSTONE_LIFETIME;

  /** The variable that names the bookkeeping table in a Lambda function's environment. */
  static final String BOOKKEEPING_TABLE_VARIABLE = "VIEW_BOOKKEEPING_TABLE";

  static final String VERSIONS = "_versions";
  static final String REVISION = "_revision";
  static final String DELETED = "_deleted";
  static final String EXPIRES_AT = "_expiresAt";
  static final String INCARNATION = "_incarnation";

  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();
  private static final int MAX_BATCH_WRITE = 25;

  private final DynamoDbClient dynamoDb;
  private final Function<Projection, String> tableOf;
  private final String bookkeepingTable;
  private final Clock clock;
  private final Map<String, String> tables = new ConcurrentHashMap<>();

  /**
   * @param tableOfVariable the table name held by a projection's {@link Projection#tableVariable()}
   * @param bookkeepingTable the table of the versions kept beside rows written after a read (key
   *     {@code pk} S, {@code sk} S, TTL on {@code expiresAt})
   * @param clock the time tombstones and versions expire from
   */
  public DynamoDbViewStore(
      DynamoDbClient dynamoDb,
      UnaryOperator<String> tableOfVariable,
      String bookkeepingTable,
      Clock clock) {
    this(dynamoDb, clock, view -> tableOfVariable.apply(view.tableVariable()), bookkeepingTable);
  }

  private DynamoDbViewStore(
      DynamoDbClient dynamoDb,
      Clock clock,
      Function<Projection, String> tableOf,
      String bookkeepingTable) {
    this.dynamoDb = dynamoDb;
    this.tableOf = tableOf;
    this.bookkeepingTable = bookkeepingTable;
    this.clock = clock;
  }

  /**
   * The store of a Lambda function: the shared client; a view's table is {@code VIEW_TABLE_PREFIX}
   * (the app's stack name and a dot) followed by its {@link Projection#tableSuffix()}; the
   * bookkeeping table is {@code VIEW_BOOKKEEPING_TABLE}.
   */
  public static DynamoDbViewStore fromEnvironment() {
    String prefix = AwsClients.environment("VIEW_TABLE_PREFIX");
    return new DynamoDbViewStore(
        AwsClients.dynamoDb(),
        Clock.systemUTC(),
        view -> prefix + view.tableSuffix(),
        AwsClients.environment(BOOKKEEPING_TABLE_VARIABLE));
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
    AttributeValue incarnation = item.get(INCARNATION);
    return new ViewRow(
        key,
        tombstone ? null : AttributeValues.fields(item),
        versions,
        revision == null ? "" : revision.s(),
        incarnation == null ? null : incarnation.s());
  }

  @Override
  public Write write(Projection view, StoredEvent event, RowChange change) {
    return put(
        view,
        item(view, event, change, Map.of(event.streamId(), event.version()), null),
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
    String incarnation =
        read.incarnation() == null ? UUID.randomUUID().toString() : read.incarnation();
    // The versions a row held in its item before they were kept beside it stay as they are: no
    // longer growing, still guarding against a late event of those streams.
    Map<String, AttributeValue> item = item(view, event, change, read.versions(), incarnation);
    Put row =
        read.stored()
            ? Put.builder()
                .tableName(table(view))
                .item(item)
                .conditionExpression("#revision = :revision")
                .expressionAttributeNames(Map.of("#revision", REVISION))
                .expressionAttributeValues(
                    Map.of(":revision", AttributeValue.fromS(read.revision())))
                .build()
            : Put.builder()
                .tableName(table(view))
                .item(item)
                .conditionExpression("attribute_not_exists(#key)")
                .expressionAttributeNames(Map.of("#key", view.keyField()))
                .build();
    Put version =
        Put.builder()
            .tableName(bookkeepingTable)
            .item(
                Map.of(
                    "pk", AttributeValue.fromS(view.view() + "/" + incarnation),
                    "sk", AttributeValue.fromS(event.streamId()),
                    "version", number(event.version()),
                    "expiresAt", number(clock.instant().plus(VERSION_LIFETIME).getEpochSecond())))
            .conditionExpression("attribute_not_exists(pk) OR #version < :version")
            .expressionAttributeNames(Map.of("#version", "version"))
            .expressionAttributeValues(Map.of(":version", number(event.version())))
            .build();
    try {
      dynamoDb.transactWriteItems(
          request ->
              request.transactItems(
                  TransactWriteItem.builder().put(row).build(),
                  TransactWriteItem.builder().put(version).build()));
      return Write.APPLIED;
    } catch (TransactionCanceledException e) {
      return outcome(e);
    }
  }

  /**
   * A cancelled transaction of a row and its version item: the row changed since the read (or
   * another transaction held it), or else the stream's version shows the event applied.
   */
  private static Write outcome(TransactionCanceledException e) {
    List<String> codes =
        e.hasCancellationReasons()
            ? e.cancellationReasons().stream().map(CancellationReason::code).toList()
            : List.of();
    if (codes.size() != 2) {
      throw e;
    }
    String row = codes.get(0);
    String version = codes.get(1);
    if ("ConditionalCheckFailed".equals(row)
        || "TransactionConflict".equals(row)
        || "TransactionConflict".equals(version)) {
      return Write.CHANGED;
    }
    if ("ConditionalCheckFailed".equals(version)) {
      return Write.STALE;
    }
    throw e;
  }

  @Override
  public Cleared deletePage(Projection view, String after) {
    String table = table(view);
    Map<String, AttributeValue> from =
        after == null ? null : Map.of(view.keyField(), AttributeValue.fromS(after));
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
    String last =
        page.hasLastEvaluatedKey() ? page.lastEvaluatedKey().get(view.keyField()).s() : null;
    return new Cleared(deletes.size(), last);
  }

  /** The item for {@code change}: the row (or a tombstone) with {@code versions} in it. */
  private Map<String, AttributeValue> item(
      Projection view,
      StoredEvent event,
      RowChange change,
      Map<String, Long> versionsInItem,
      String incarnation) {
    Map<String, AttributeValue> versions = new HashMap<>();
    versionsInItem.forEach((stream, version) -> versions.put(stream, number(version)));
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
    if (!versions.isEmpty()) {
      item.put(VERSIONS, AttributeValue.fromM(versions));
    }
    if (incarnation != null) {
      item.put(INCARNATION, AttributeValue.fromS(incarnation));
    }
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
    return tables.computeIfAbsent(view.tableSuffix(), name -> tableOf.apply(view));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
