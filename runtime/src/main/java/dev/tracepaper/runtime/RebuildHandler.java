package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Rebuilds one view from the event store, invoked by an operator with {@code {"view": "X"}}:
 * deletes the view's rows, then replays every stored event its projection handles, stream by stream
 * in version order. Answers {@code {"view": "X", "events": n, "rows": m}}: the events replayed and
 * the rows the view holds afterwards, plus {@code "failed": ["Stream#key@version", ...]} when the
 * projection failed on some events, which are then skipped as the live projector skips them after
 * its retries (their stack traces are in the log).
 *
 * <p>A generated project extends it with a public no-argument constructor that passes the model's
 * projections; Lambda creates that class.
 *
 * <p>A {@code from} view gets each event with the state the current model computes ({@link
 * StateResolver}), so a view added after its aggregate's events were stored fills completely.
 *
 * <p>The live projector may keep running: its writes and the replay's obey the same version rule,
 * so whichever comes second for an event changes nothing. The handled events are held in memory
 * while the table is scanned (to sort them per stream), which bounds the size of a rebuild by the
 * function's memory.
 */
public class RebuildHandler implements RequestStreamHandler {

  private final DynamoDbClient dynamoDb;
  private final String eventStoreTable;
  private final ViewStore views;
  private final List<Projection> projections;

  /**
   * For the generated project's handler class, which names the model's projections (the runtime
   * knows no model): the shared client, {@code EVENT_STORE_TABLE} and the view tables from the
   * environment.
   */
  protected RebuildHandler(List<Projection> projections) {
    this(
        AwsClients.dynamoDb(),
        AwsClients.environment("EVENT_STORE_TABLE"),
        DynamoDbViewStore.fromEnvironment(),
        projections);
  }

  public RebuildHandler(
      DynamoDbClient dynamoDb,
      String eventStoreTable,
      ViewStore views,
      List<Projection> projections) {
    this.dynamoDb = dynamoDb;
    this.eventStoreTable = eventStoreTable;
    this.views = views;
    this.projections = List.copyOf(projections);
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Json.write(out, rebuild(Json.read(in).path("view").asText()));
  }

  public ObjectNode rebuild(String viewName) {
    Projection view =
        projections.stream()
            .filter(projection -> projection.view().equals(viewName))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no view named " + viewName));
    // Read before deleting: an event item that cannot be read fails the rebuild, view untouched.
    List<List<StoredEvent>> streams = handledStreams(view);
    views.deleteAll(view);
    Projector projector = new Projector(views);
    EventStore store = new DynamoDbEventStore(dynamoDb, eventStoreTable);
    Map<String, Boolean> live = new HashMap<>();
    List<String> failed = new ArrayList<>();
    long events = 0;
    for (List<StoredEvent> stream : streams) {
      StateResolver states = new StateResolver(store, List.of(view), stream);
      for (StoredEvent event : stream) {
        try {
          for (RowChange change : projector.project(view, states.forView(view, event))) {
            live.put(change.key(), change instanceof RowChange.Put);
          }
          events++;
        } catch (SdkException | Projector.RowsKeptChanging e) {
          // AWS failing (throttling, an outage) or rows contended: the operator runs it again.
          throw e;
        } catch (RuntimeException e) {
          // The projection fails on this event (its code or the event's data): the live projector
          // leaves such an event to its dead-letter queue and goes on; so does the rebuild, so
          // that one poison event does not leave the view half rebuilt. Reported in the answer.
          System.err.println("rebuilding " + view.view() + ": skipped " + name(event) + ":");
          e.printStackTrace();
          failed.add(name(event));
        }
      }
    }
    ObjectNode response = Json.object().put("view", view.view()).put("events", events);
    response.put("rows", live.values().stream().filter(Boolean::booleanValue).count());
    if (!failed.isEmpty()) {
      failed.forEach(response.putArray("failed")::add);
    }
    return response;
  }

  private static String name(StoredEvent event) {
    return event.streamId() + "@" + event.version();
  }

  /** The events {@code view} handles, grouped by stream, each stream in version order. */
  private List<List<StoredEvent>> handledStreams(Projection view) {
    Map<String, List<StoredEvent>> streams = new HashMap<>();
    // Consistent, so that events appended before the rebuild started are all seen.
    for (Map<String, AttributeValue> item :
        dynamoDb.scanPaginator(r -> r.tableName(eventStoreTable).consistentRead(true)).items()) {
      if (!EventItems.isEvent(item)) {
        continue;
      }
      StoredEvent event = EventItems.storedEvent(item);
      if (view.handles(event)) {
        streams.computeIfAbsent(event.streamId(), id -> new ArrayList<>()).add(event);
      }
    }
    List<List<StoredEvent>> ordered = new ArrayList<>(streams.values());
    ordered.forEach(stream -> stream.sort(Comparator.comparingLong(StoredEvent::version)));
    return ordered;
  }
}
