package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The views as they must be: every event of the event-store tables replayed, stream by stream in
 * version order, through the projector into memory. An event the projector fails on is left out, as
 * the live projector leaves it to the dead-letter queue. Compared with the rows the live projector
 * wrote to DynamoDB.
 */
final class ViewReplay {

  private final InMemoryViewStore views = new InMemoryViewStore();
  private final List<String> failed = new ArrayList<>();

  private ViewReplay() {}

  static ViewReplay of(
      DynamoDbClient dynamoDb, List<String> eventTables, List<Projection> projections) {
    ViewReplay replay = new ViewReplay();
    Map<String, List<StoredEvent>> streams = new HashMap<>();
    for (String table : eventTables) {
      for (Map<String, AttributeValue> item :
          dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()) {
        if (EventItems.isEvent(item)) {
          StoredEvent event = EventItems.storedEvent(item);
          streams.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
        }
      }
    }
    ProjectorHandler projector = new ProjectorHandler(replay.views, projections);
    for (List<StoredEvent> stream : streams.values()) {
      stream.sort(Comparator.comparingLong(StoredEvent::version));
      for (StoredEvent event : stream) {
        try {
          projector.project(event);
        } catch (RuntimeException e) {
          replay.failed.add(event.streamId() + "@" + event.version());
        }
      }
    }
    return replay;
  }

  /** The live rows of {@code view} by key. */
  Map<String, ObjectNode> rows(Projection view) {
    return views.rows(view.view());
  }

  /** The events the projector failed on, as {@code stream@version}. */
  List<String> failed() {
    return List.copyOf(failed);
  }

  /**
   * The live rows of a view table in DynamoDB by key: tombstones and {@code _} attributes left out.
   */
  static Map<String, ObjectNode> stored(DynamoDbClient dynamoDb, Projection view, String table) {
    Map<String, ObjectNode> rows = new TreeMap<>();
    for (Map<String, AttributeValue> item :
        dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true)).items()) {
      AttributeValue deleted = item.get(DynamoDbViewStore.DELETED);
      if (deleted == null || !Boolean.TRUE.equals(deleted.bool())) {
        ObjectNode row = AttributeValues.fields(item);
        rows.put(row.path(view.keyField()).asText(), row);
      }
    }
    return rows;
  }
}
