package dev.tracepaper.runtime;

import dev.tracepaper.runtime.testing.StreamDelivery;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a table's DynamoDB stream from its start, as Lambda's event source mapping does. */
final class StreamRecords {

  private StreamRecords() {}

  /** Every record of every shard, in order per shard, following the shard iterators. */
  static List<Record> all(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
    return StreamDelivery.records(dynamoDb, streams, table);
  }
}
