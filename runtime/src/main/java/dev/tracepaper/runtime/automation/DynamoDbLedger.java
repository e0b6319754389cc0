package dev.tracepaper.runtime.automation;

import dev.tracepaper.runtime.AwsClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The ledger of automation runs in the event store's table: one item per automation and trigger,
 * {@code pk} = {@code automation#<name>#<triggerId>}, {@code sk} = 0, {@code done} (the steps
 * performed) and {@code expiresAt} (the table's time to live: {@link #KEPT} after the last step,
 * longer than any redelivery). The item has no {@code type}, so the event store's stream filters
 * (the publisher's, the projector's) never pass it.
 */
public final class DynamoDbLedger implements Ledger {

  /**
   * The start of every ledger item's {@code pk}: lower case, so no aggregate's stream id ({@code
   * <Aggregate>#<key>}) starts with it; the rebuild and the republisher pass over these items.
   */
  public static final String PREFIX = "automation#";

  /** How long a run's ledger item is kept after its last step. */
  public static final Duration KEPT = Duration.ofDays(15);

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbLedger(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** On the table {@code EVENT_STORE_TABLE}, with the runtime's DynamoDB client. */
  public static DynamoDbLedger fromEnvironment() {
    return new DynamoDbLedger(AwsClients.dynamoDb(), AwsClients.environment("EVENT_STORE_TABLE"));
  }

  @Override
  public int done(String automation, String triggerId) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                request ->
                    request
                        .tableName(table)
                        .key(key(automation, triggerId))
                        .consistentRead(true)
                        .projectionExpression("#done")
                        .expressionAttributeNames(Map.of("#done", "done")))
            .item();
    AttributeValue done = item == null ? null : item.get("done");
    return done == null || done.n() == null ? 0 : Integer.parseInt(done.n());
  }

  /**
   * Records {@code done} steps, unless the item already records as many (a concurrent delivery of
   * the same trigger went further): the count never goes back.
   */
  @Override
  public void record(String automation, String triggerId, int done, Instant now) {
    try {
      dynamoDb.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(automation, triggerId))
                  .updateExpression("SET #done = :done, expiresAt = :expiresAt")
                  .conditionExpression("attribute_not_exists(#done) OR #done < :done")
                  .expressionAttributeNames(Map.of("#done", "done"))
                  .expressionAttributeValues(
                      Map.of(
                          ":done",
                          number(done),
                          ":expiresAt",
                          number(now.plus(KEPT).getEpochSecond()))));
    } catch (ConditionalCheckFailedException alreadyFurther) {
      // Another delivery of this trigger recorded these steps, or more.
    }
  }

  /** The key of the ledger item of {@code automation} for the trigger {@code triggerId}. */
  public static Map<String, AttributeValue> key(String automation, String triggerId) {
    return Map.of(
        "pk",
        AttributeValue.fromS(PREFIX + automation + "#" + triggerId),
        "sk",
        AttributeValue.fromN("0"));
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
