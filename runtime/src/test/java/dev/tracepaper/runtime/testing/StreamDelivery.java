package dev.tracepaper.runtime.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Delivers an event store table's DynamoDB stream (on moto_server) to a stream handler, as Lambda's
 * event source mapping does: the records written since the last delivery, in order per shard, as
 * one batch of the Lambda event Lambda sends ({@code Records}, {@code NEW_IMAGE}). A test drives
 * the generated {@code ViewProjector}'s projections or publisher with it, between commands.
 */
public final class StreamDelivery {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DynamoDbClient dynamoDb;
  private final DynamoDbStreamsClient streams;
  private final String table;
  private int delivered;

  private StreamDelivery(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
    this.dynamoDb = dynamoDb;
    this.streams = streams;
    this.table = table;
  }

  /** A delivery of {@code table}'s stream from its first record. */
  public static StreamDelivery of(
      DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
    return new StreamDelivery(dynamoDb, streams, table);
  }

  /**
   * Leaves out the records written so far, as a function deployed now never sees them (a stream
   * keeps 24 hours of records).
   */
  public StreamDelivery fromNow() {
    delivered = records(dynamoDb, streams, table).size();
    return this;
  }

  /**
   * Sends the records written since the last delivery to {@code handler} in one batch (none when
   * nothing is new); answers the handler's answer ({@code batchItemFailures} for a projector).
   */
  public JsonNode deliverNew(RequestStreamHandler handler) {
    List<Record> all = records(dynamoDb, streams, table);
    List<Record> fresh = new ArrayList<>(all.subList(delivered, all.size()));
    delivered = all.size();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(JSON.writeValueAsBytes(lambdaEvent(fresh))), out, null);
      return JSON.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every record of every shard of {@code table}'s stream, in order per shard. */
  public static List<Record> records(
      DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
    String streamArn = dynamoDb.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    List<Record> records = new ArrayList<>();
    for (Shard shard :
        streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards()) {
      String iterator =
          streams
              .getShardIterator(
                  r ->
                      r.streamArn(streamArn)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String from = iterator;
        GetRecordsResponse page = streams.getRecords(r -> r.shardIterator(from).limit(1000));
        records.addAll(page.records());
        // An open shard always has a next iterator: an empty page means its end, for now.
        iterator = page.records().isEmpty() ? null : page.nextShardIterator();
      }
    }
    return records;
  }

  /** The Lambda event of a DynamoDB stream batch holding {@code records}. */
  public static ObjectNode lambdaEvent(List<Record> records) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode list = event.putArray("Records");
    for (Record record : records) {
      ObjectNode json = list.addObject();
      json.put("eventID", record.eventID());
      json.put("eventName", record.eventNameAsString());
      json.put("eventSource", "aws:dynamodb");
      ObjectNode dynamodb = json.putObject("dynamodb");
      dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
      dynamodb.put("StreamViewType", "NEW_IMAGE");
      dynamodb.set("NewImage", image(record.dynamodb().newImage()));
    }
    return event;
  }

  /** An item as a stream record's image: the event store's items hold strings and numbers. */
  public static ObjectNode image(Map<String, AttributeValue> item) {
    ObjectNode image = JSON.createObjectNode();
    item.forEach(
        (name, value) -> {
          if (value.s() != null) {
            image.putObject(name).put("S", value.s());
          } else if (value.n() != null) {
            image.putObject(name).put("N", value.n());
          }
        });
    return image;
  }
}
