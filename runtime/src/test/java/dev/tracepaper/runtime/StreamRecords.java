package dev.tracepaper.runtime;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Reads a table's DynamoDB stream from its start, as Lambda's event source mapping does. */
final class StreamRecords {

  private StreamRecords() {}

  /** Every record of every shard, in order per shard, following the shard iterators. */
  static List<Record> all(DynamoDbClient dynamoDb, DynamoDbStreamsClient streams, String table) {
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
}
