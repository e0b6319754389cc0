package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The event store on one DynamoDB table (layout: {@link EventItems}, docs/generated-runtime.md).
 *
 * <p>A command costs two requests in the common case: one Query that reads the aggregate newest
 * first and stops at its latest snapshot of the current model (or ending event), and one
 * TransactWriteItems that puts the new events, each on condition that its version is still free,
 * together with the command's idempotency item (on condition that no record of its id is alive).
 */
public final class DynamoDbEventStore implements EventStore {

  /** DynamoDB's limit of items in one transaction, less the idempotency item. */
  static final int MAX_EVENTS_PER_APPEND = 99;

  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  private static final String TRANSACTION_CONFLICT = "TransactionConflict";
  private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbEventStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The store of a Lambda function: the shared client and the table {@code EVENT_STORE_TABLE}. */
  public static DynamoDbEventStore fromEnvironment() {
    return new DynamoDbEventStore(
        AwsClients.dynamoDb(), AwsClients.environment("EVENT_STORE_TABLE"));
  }

  @Override
  public <S, E> Loaded<S> load(AggregateType<S, E> type, String key) {
    // Newest first, stopping at the first item that holds a snapshot or ends the instance. Appends
    // keep at most snapshotEvery items above the latest snapshot, so with that limit one page
    // holds them all unless DynamoDB's 1 MB page size cuts it short.
    int every = type.snapshotEvery();
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(
                Map.of(":pk", EventItems.s(StoredEvent.streamId(type.name(), key))))
            .scanIndexForward(false)
            .consistentRead(true);
    if (every > 0) {
      query.limit(every);
    }
    Folding.Load<S, E> load = new Folding.Load<>(type);
    Map<String, AttributeValue> start = null;
    pages:
    do {
      QueryResponse page = dynamoDb.query(query.exclusiveStartKey(start).build());
      for (Map<String, AttributeValue> item : page.items()) {
        AttributeValue snapshot = item.get(EventItems.SNAPSHOT);
        AttributeValue fingerprint = item.get(EventItems.STATE_FINGERPRINT);
        if (load.offer(
            EventItems.storedEvent(item),
            snapshot == null ? null : (ObjectNode) Json.parse(snapshot.s()),
            fingerprint == null ? null : fingerprint.s())) {
          break pages;
        }
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      // Past the first page the snapshot was stale or snapshotEvery was raised: the rest of the
      // stream is read in pages as large as DynamoDB gives, not snapshotEvery items at a time.
      query.limit(null);
    } while (start != null);
    return load.loaded(key);
  }

  @Override
  public <S, E> AppendOutcome append(
      AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta) {
    if (events.size() > MAX_EVENTS_PER_APPEND) {
      throw new IllegalArgumentException(
          "a command may append at most " + MAX_EVENTS_PER_APPEND + " events");
    }
    NewEvents<S> next = NewEvents.of(type, current, events, meta);
    AttributeValue expiresAt = expiresAt(type, meta);
    List<TransactWriteItem> writes = new ArrayList<>(events.size() + 1);
    if (meta.commandId() != null) {
      // First, so that its cancellation reason is at index 0.
      Map<String, AttributeValue> item =
          EventItems.commandItem(
              meta, StoredEvent.streamId(type.name(), current.key()), next.result());
      writes.add(putIfAbsentOrExpired(item, meta.now()));
    }
    List<StoredEvent> stored = next.stored();
    for (int i = 0; i < stored.size(); i++) {
      Map<String, AttributeValue> item = EventItems.eventItem(stored.get(i));
      if (i == stored.size() - 1 && next.snapshot() != null) {
        item.put(EventItems.SNAPSHOT, EventItems.s(Json.write(next.snapshot())));
        item.put(EventItems.STATE_FINGERPRINT, EventItems.s(type.stateFingerprint()));
      }
      writes.add(putIfAbsent(withExpiry(item, expiresAt)));
    }
    try {
      // The token makes the SDK's own retry of this request (after a timeout, say) idempotent:
      // without it a retry of a transaction that did commit would look like a conflict, and the
      // command would run twice.
      String token = UUID.randomUUID().toString();
      dynamoDb.transactWriteItems(
          request -> request.transactItems(writes).clientRequestToken(token));
      return new AppendOutcome.Appended(next.result());
    } catch (TransactionCanceledException e) {
      return whyCancelled(e, meta);
    }
  }

  @Override
  public Optional<CommandRecord> recorded(CommandId commandId, Instant now) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                request ->
                    request
                        .tableName(table)
                        .key(EventItems.commandKey(commandId))
                        .consistentRead(true))
            .item();
    return EventItems.commandRecord(item, now);
  }

  @Override
  public List<StoredEvent> history(AggregateType<?, ?> type, String key) {
    return history(type, key, Long.MAX_VALUE);
  }

  /** One Query, paged: the stream's events up to {@code toVersion}. */
  @Override
  public List<StoredEvent> history(AggregateType<?, ?> type, String key, long toVersion) {
    List<StoredEvent> events = new ArrayList<>();
    dynamoDb
        .queryPaginator(
            request ->
                request
                    .tableName(table)
                    .keyConditionExpression("pk = :pk AND sk <= :to")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk",
                            EventItems.s(StoredEvent.streamId(type.name(), key)),
                            ":to",
                            EventItems.n(toVersion)))
                    .consistentRead(true))
        .items()
        .forEach(item -> events.add(EventItems.storedEvent(item)));
    return events;
  }

  /**
   * Tells a duplicate command (its idempotency item exists: answer the first result) from a lost
   * race (an event version is taken, or another transaction holds one of the items: retry).
   */
  private AppendOutcome whyCancelled(TransactionCanceledException e, Metadata meta) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    CommandId commandId = meta.commandId();
    if (commandId != null && !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
      Optional<CommandRecord> first = EventItems.commandRecord(reasons.get(0).item(), meta.now());
      return new AppendOutcome.Duplicate(
          first.or(() -> recorded(commandId, meta.now())).orElseThrow(() -> e));
    }
    for (CancellationReason reason : reasons) {
      if (CONDITION_FAILED.equals(reason.code()) || TRANSACTION_CONFLICT.equals(reason.code())) {
        return new AppendOutcome.Conflict();
      }
    }
    throw e;
  }

  /** A put on condition that the key is free. */
  private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(put -> put.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"))
        .build();
  }

  /**
   * The idempotency item's put: on condition that no record of the id is alive at {@code now} (an
   * expired one that TTL has not deleted yet is replaced). A failure carries the old item, so a
   * duplicate is answered without another read.
   */
  private TransactWriteItem putIfAbsentOrExpired(Map<String, AttributeValue> item, Instant now) {
    return TransactWriteItem.builder()
        .put(
            put ->
                put.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#expiresAt", EventItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", EventItems.n(now.getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  /** The TTL attribute ({@code expiresAt}, epoch seconds) of an aggregate with a retention. */
  private static AttributeValue expiresAt(AggregateType<?, ?> type, Metadata meta) {
    int days = type.retentionDays();
    return days > 0 ? EventItems.n(meta.now().getEpochSecond() + days * SECONDS_PER_DAY) : null;
  }

  private static Map<String, AttributeValue> withExpiry(
      Map<String, AttributeValue> item, AttributeValue expiresAt) {
    if (expiresAt != null) {
      item.put(EventItems.EXPIRES_AT, expiresAt);
    }
    return item;
  }
}
