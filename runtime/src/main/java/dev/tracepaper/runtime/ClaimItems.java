package dev.tracepaper.runtime;

import dev.tracepaper.runtime.UniqueConstraint.Claim;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The claim items of {@code unique} constraints in the event-store table: {@code pk =
 * unique:<Aggregate>:<constraint>:<sha-256 of the value>}, {@code sk = 0}, with the stream id of
 * the instance that holds the value ({@code owner}) and the value itself for operators. The hash
 * keeps a long value within DynamoDB's key size; no aggregate's stream id starts with {@code
 * unique:} (a stream id is {@code <Aggregate>#<key>}, and an aggregate's name has no colon).
 */
final class ClaimItems {

  static final String PREFIX = "unique:";
  static final String OWNER = "owner";
  static final String CONSTRAINT = "constraint";
  static final String VALUE = "value";

  private ClaimItems() {}

  static Map<String, AttributeValue> key(String aggregate, Claim claim) {
    return Map.of(
        EventItems.PK,
        EventItems.s(PREFIX + aggregate + ":" + claim.constraint().name() + ":" + sha256(claim)),
        EventItems.SK,
        EventItems.n(0));
  }

  /**
   * Takes the claim for {@code owner}: on condition that nobody holds it, or the owner does, or the
   * holder's claim expired (TTL deletes expired items some time later).
   */
  static TransactWriteItem take(
      String table,
      String aggregate,
      Claim claim,
      String owner,
      Metadata meta,
      AttributeValue expiresAt) {
    Map<String, AttributeValue> item = new HashMap<>(key(aggregate, claim));
    item.put(OWNER, EventItems.s(owner));
    item.put(CONSTRAINT, EventItems.s(claim.constraint().name()));
    item.put(VALUE, EventItems.s(claim.value()));
    item.put(EventItems.TIMESTAMP, EventItems.s(meta.now().toString()));
    if (expiresAt != null) {
      item.put(EventItems.EXPIRES_AT, expiresAt);
    }
    return TransactWriteItem.builder()
        .put(
            put ->
                put.tableName(table)
                    .item(item)
                    .conditionExpression(
                        "attribute_not_exists(pk) OR #owner = :me OR #expiresAt <= :now")
                    .expressionAttributeNames(
                        Map.of("#owner", OWNER, "#expiresAt", EventItems.EXPIRES_AT))
                    .expressionAttributeValues(
                        Map.of(
                            ":me",
                            EventItems.s(owner),
                            ":now",
                            EventItems.n(meta.now().getEpochSecond())))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  /**
   * Lets the claim go: on condition that {@code owner} holds it or nobody does. A claim another
   * instance holds fails the condition and is not this instance's to release: that happens only to
   * a value it held before the constraint was in the model (docs/runtime.md).
   */
  static TransactWriteItem release(String table, String aggregate, Claim claim, String owner) {
    return TransactWriteItem.builder()
        .delete(
            delete ->
                delete
                    .tableName(table)
                    .key(key(aggregate, claim))
                    .conditionExpression("attribute_not_exists(pk) OR #owner = :me")
                    .expressionAttributeNames(Map.of("#owner", OWNER))
                    .expressionAttributeValues(Map.of(":me", EventItems.s(owner)))
                    .returnValuesOnConditionCheckFailure(
                        ReturnValuesOnConditionCheckFailure.ALL_OLD))
        .build();
  }

  private static String sha256(Claim claim) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(claim.value().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
