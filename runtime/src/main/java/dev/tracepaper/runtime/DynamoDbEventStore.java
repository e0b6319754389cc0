package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.UniqueConstraint.Claim;
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
 * together with the command's idempotency item (on condition that no record of its id is alive),
 * and the changes to the instance's unique claims ({@link ClaimItems}, {@link ClaimChanges}).
 */
public final class DynamoDbEventStore implements EventStore {

  /** DynamoDB's limit of items in one transaction. */
  static final int MAX_TRANSACTION_ITEMS = 100;

  /** DynamoDB's limit of items in one transaction, less the idempotency item. */
  static final int MAX_EVENTS_PER_APPEND = MAX_TRANSACTION_ITEMS - 1;

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
    ClaimChanges claims = ClaimChanges.of(type, current, next.after());
    if (events.size() + claims.take().size() + claims.release().size() >= MAX_TRANSACTION_ITEMS) {
      throw new IllegalArgumentException(
          "the events and unique claims of one append fit in a transaction of "
              + MAX_TRANSACTION_ITEMS
              + " items");
    }
    AttributeValue expiresAt = expiresAt(type, meta);
    String owner = StoredEvent.streamId(type.name(), current.key());
    List<TransactWriteItem> writes = new ArrayList<>(events.size() + 1);
    if (meta.commandId() != null) {
      // First, so that its cancellation reason is at index 0.
      Map<String, AttributeValue> item = EventItems.commandItem(meta, owner, next.result());
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
    int claimsFrom = writes.size();
    for (Claim claim : claims.take()) {
      writes.add(ClaimItems.take(table, type.name(), claim, owner, meta, expiresAt));
    }
    List<Claim> releasing = new ArrayList<>(claims.release());
    while (true) {
      List<TransactWriteItem> all = new ArrayList<>(writes);
      releasing.forEach(claim -> all.add(ClaimItems.release(table, type.name(), claim, owner)));
      try {
        // The token makes the SDK's own retry of this request (after a timeout, say) idempotent:
        // without it a retry of a transaction that did commit would look like a conflict, and
        // the command would run twice.
        String token = UUID.randomUUID().toString();
        dynamoDb.transactWriteItems(
            request -> request.transactItems(all).clientRequestToken(token));
        return new AppendOutcome.Appended(next.result());
      } catch (TransactionCanceledException e) {
        AppendOutcome outcome = whyCancelled(e, meta, claimsFrom, claims.take());
        if (outcome != null) {
          return outcome;
        }
        // Only releases failed: the values are held by other instances (they held them too
        // before the constraint was in the model), so they are not this instance's to release.
        List<Claim> foreign = failed(e, writes.size(), releasing);
        if (foreign.isEmpty()) {
          throw e;
        }
        releasing.removeAll(foreign);
      }
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
   * race (an event version is taken, or another transaction holds one of the items: retry), from a
   * value of a unique constraint that another instance holds (the claims {@code take}, written from
   * index {@code claimsFrom}: fail). Null when only releases of claims failed.
   */
  private AppendOutcome whyCancelled(
      TransactionCanceledException e, Metadata meta, int claimsFrom, List<Claim> take) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    CommandId commandId = meta.commandId();
    if (commandId != null && !reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
      Optional<CommandRecord> first = EventItems.commandRecord(reasons.get(0).item(), meta.now());
      return new AppendOutcome.Duplicate(
          first.or(() -> recorded(commandId, meta.now())).orElseThrow(() -> e));
    }
    // A lost race first: after it the decision, and so the values claimed, may differ.
    for (int i = 0; i < reasons.size(); i++) {
      String code = reasons.get(i).code();
      if (TRANSACTION_CONFLICT.equals(code) || (CONDITION_FAILED.equals(code) && i < claimsFrom)) {
        return new AppendOutcome.Conflict();
      }
    }
    for (int i = claimsFrom; i < Math.min(reasons.size(), claimsFrom + take.size()); i++) {
      if (CONDITION_FAILED.equals(reasons.get(i).code())) {
        return new AppendOutcome.Violation(take.get(i - claimsFrom));
      }
    }
    if (reasons.isEmpty()) {
      throw e;
    }
    return null;
  }

  /** The claims of {@code claims}, written from index {@code from}, whose condition failed. */
  private static List<Claim> failed(TransactionCanceledException e, int from, List<Claim> claims) {
    List<CancellationReason> reasons =
        e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    List<Claim> failed = new ArrayList<>();
    for (int i = from; i < Math.min(reasons.size(), from + claims.size()); i++) {
      if (CONDITION_FAILED.equals(reasons.get(i).code())) {
        failed.add(claims.get(i - from));
      }
    }
    return failed;
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
