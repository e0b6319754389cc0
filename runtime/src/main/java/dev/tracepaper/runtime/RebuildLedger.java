package dev.tracepaper.runtime;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * What the rebuilds of views write down in the bookkeeping table, and how the live projector and a
 * rebuild share a view while it is replayed.
 *
 * <p>A rebuild is one item per view ({@code pk = rebuild}, {@code sk =} the view): its run id, its
 * {@link Rebuild.Status}, where it got to and its counts, and {@value #LIVE}: which of the view's
 * two tables readers read ({@link ViewColour}; blue when the view has no item). AppSync's resolvers
 * read {@value #LIVE} before every read of the view, and the live projector once per batch, so the
 * save that changes it switches them all at once. Every step of the rebuild saves the item on
 * condition that the run is still the one it works for and still active, so a cancelled or replaced
 * run stops at its next save.
 *
 * <p>While a view is replayed, every stream has a cursor ({@code pk = cursor/<view>/<run>}, {@code
 * sk =} the stream id, {@code version}): the version up to which all its events are projected into
 * the view. The rebuild projects a stream's events after its cursor, raises the cursor, and reads
 * the stream again until nothing came after the raise; the live projector projects an event only
 * when the cursor stands right before it, and raises it. So each stream's events reach the view in
 * order and none is left out, whichever of the two projects it (see docs/runtime.md, "Rebuild").
 */
public final class RebuildLedger {

  /** How long cursors are kept after their last raise: longer than any rebuild runs. */
  static final Duration CURSOR_LIFETIME = Duration.ofDays(30);

  /** The attribute of a view's rebuild item that names the table readers read. */
  static final String LIVE = "live";

  private static final String REBUILD = "rebuild";

  /** The statuses of a run that works on the view, as a condition's list. */
  private static final String ACTIVE = "(:clearing, :replaying, :cleaning)";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Clock clock;

  public RebuildLedger(DynamoDbClient dynamoDb, String bookkeepingTable, Clock clock) {
    this.dynamoDb = dynamoDb;
    this.table = bookkeepingTable;
    this.clock = clock;
  }

  /** The ledger of a Lambda function: the bookkeeping table {@code VIEW_BOOKKEEPING_TABLE}. */
  public static RebuildLedger fromEnvironment() {
    return new RebuildLedger(
        AwsClients.dynamoDb(),
        AwsClients.environment(DynamoDbViewStore.BOOKKEEPING_TABLE_VARIABLE),
        Clock.systemUTC());
  }

  /** The last rebuild of {@code view}, if any, read consistently. */
  public Optional<Rebuild> read(String view) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(r -> r.tableName(table).key(key(REBUILD, view)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Rebuild.of(item));
  }

  /**
   * The last rebuild of every view that has one, by view, running or not: which table each view's
   * readers read, and the runs the live projector helps. One consistent Query.
   */
  public Map<String, Rebuild> rebuilds() {
    Map<String, Rebuild> rebuilds = new HashMap<>();
    for (Map<String, AttributeValue> item :
        dynamoDb
            .queryPaginator(
                r ->
                    r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(REBUILD))))
            .items()) {
      Rebuild rebuild = Rebuild.of(item);
      rebuilds.put(rebuild.view(), rebuild);
    }
    return rebuilds;
  }

  /**
   * Records a new run in place of {@code previous} (the view's last run, null for none); {@code
   * false} when that is no longer the last run or is active.
   */
  boolean start(Rebuild rebuild, Rebuild previous) {
    if (previous == null) {
      return put(rebuild, "attribute_not_exists(pk)", null);
    }
    return put(rebuild, "#run = :run AND NOT (#status IN " + ACTIVE + ")", previous.run());
  }

  /** Saves the progress of an active run; {@code false} when it was cancelled or replaced. */
  boolean save(Rebuild rebuild) {
    return put(rebuild, "#run = :run AND #status IN " + ACTIVE, rebuild.run());
  }

  /**
   * Marks the run of {@code view} cancelled if it is before its switch; {@code false} when none
   * was. Readers stay on the live table; what the run wrote to the other is cleared by the next.
   */
  boolean cancel(String view) {
    try {
      dynamoDb.updateItem(
          r ->
              r.tableName(table)
                  .key(key(REBUILD, view))
                  .updateExpression("SET #status = :cancelled, #updated = :now")
                  .conditionExpression("#status IN (:clearing, :replaying)")
                  .expressionAttributeNames(Map.of("#status", "status", "#updated", "updated"))
                  .expressionAttributeValues(
                      Map.of(
                          ":cancelled", status(Rebuild.Status.CANCELLED),
                          ":clearing", status(Rebuild.Status.CLEARING),
                          ":replaying", status(Rebuild.Status.REPLAYING),
                          ":now", AttributeValue.fromS(clock.instant().toString()))));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The version up to which {@code stream}'s events are projected in the run; 0 for none. */
  long cursor(Rebuild rebuild, String stream) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(r -> r.tableName(table).key(cursorKey(rebuild, stream)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
  }

  /** Raises the cursor of {@code stream} to {@code version}, unless it stands there or beyond. */
  void raise(Rebuild rebuild, String stream, long version) {
    Map<String, AttributeValue> item = new HashMap<>(cursorKey(rebuild, stream));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    item.put(
        "expiresAt",
        AttributeValue.fromN(
            Long.toString(clock.instant().plus(CURSOR_LIFETIME).getEpochSecond())));
    try {
      dynamoDb.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(pk) OR #version < :version")
                  .expressionAttributeNames(Map.of("#version", "version"))
                  .expressionAttributeValues(
                      Map.of(":version", AttributeValue.fromN(Long.toString(version)))));
    } catch (ConditionalCheckFailedException e) {
      // Already there or beyond: someone else projected this event, or a later one.
    }
  }

  /**
   * Projects {@code event} (through {@code project}) into a view being replayed by {@code rebuild},
   * if it is the next event of its stream there: the live projector's side of the cursors. Events
   * the view does not handle move the cursor on too ({@code project} does nothing then).
   */
  void projectInOrder(Rebuild rebuild, StoredEvent event, Runnable project) {
    long cursor = cursor(rebuild, event.streamId());
    if (cursor != event.version() - 1) {
      // Projected already, or earlier events are not yet: the rebuild will reach this one.
      return;
    }
    project.run();
    raise(rebuild, event.streamId(), event.version());
  }

  /** Puts the run's item on {@code condition}, which names {@code run} as {@code :run} if given. */
  private boolean put(Rebuild rebuild, String condition, String run) {
    Map<String, AttributeValue> item = rebuild.item();
    item.putAll(key(REBUILD, rebuild.view()));
    try {
      dynamoDb.putItem(
          r -> {
            r.tableName(table).item(item).conditionExpression(condition);
            if (run != null) {
              r.expressionAttributeNames(Map.of("#run", "run", "#status", "status"))
                  .expressionAttributeValues(
                      Map.of(
                          ":run", AttributeValue.fromS(run),
                          ":clearing", status(Rebuild.Status.CLEARING),
                          ":replaying", status(Rebuild.Status.REPLAYING),
                          ":cleaning", status(Rebuild.Status.CLEANING)));
            }
          });
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static Map<String, AttributeValue> cursorKey(Rebuild rebuild, String stream) {
    return key("cursor/" + rebuild.view() + "/" + rebuild.run(), stream);
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  private static AttributeValue status(Rebuild.Status status) {
    return AttributeValue.fromS(status.text());
  }
}
