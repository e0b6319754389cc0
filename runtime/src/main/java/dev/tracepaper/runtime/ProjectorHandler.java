package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps the views up to date: the DynamoDB stream of the event store triggers it. Every event item
 * inserted (idempotency items and TTL removals are skipped) goes through each projection that
 * handles it ({@link Projector}).
 *
 * <p>A generated project extends it with a public no-argument constructor that passes the model's
 * projections; Lambda creates that class.
 *
 * <p>Records are projected in order. At the first record that fails, the handler stops and reports
 * it ({@code batchItemFailures}, with {@code ReportBatchItemFailures} on the event source mapping):
 * Lambda retries from that record, so order per shard is kept, and the version rule makes the
 * records applied again on a retry change nothing.
 *
 * <p>While a view is rebuilt ({@link RebuildHandler}), the projector leaves it alone as the rebuild
 * clears it, then projects an event into it only when the event's stream is replayed up to the
 * event before it ({@link RebuildLedger}): the running rebuilds are read once per batch.
 */
public class ProjectorHandler implements RequestStreamHandler {

  private final Projector projector;
  private final RebuildLedger rebuilds;
  private final List<Projection> projections;

  /**
   * For the generated project's handler class, which names the model's projections (the runtime
   * knows no model): the view tables and the bookkeeping table from the environment.
   */
  protected ProjectorHandler(List<Projection> projections) {
    this(DynamoDbViewStore.fromEnvironment(), RebuildLedger.fromEnvironment(), projections);
  }

  /** A projector of views that are never rebuilt while it runs (tests). */
  public ProjectorHandler(ViewStore store, List<Projection> projections) {
    this(store, null, projections);
  }

  /**
   * @param rebuilds the ledger of the rebuilds that run beside the projector; {@code null} for none
   */
  public ProjectorHandler(ViewStore store, RebuildLedger rebuilds, List<Projection> projections) {
    this.projector = new Projector(store);
    this.rebuilds = rebuilds;
    this.projections = List.copyOf(projections);
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Json.write(out, project(Json.read(in)));
  }

  /** Projects the events of a DynamoDB stream event; answers the failed record, if any. */
  public ObjectNode project(JsonNode streamEvent) {
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    Map<String, Rebuild> running = null;
    for (JsonNode record : streamEvent.path("Records")) {
      JsonNode image = record.path("dynamodb").path("NewImage");
      if (!"INSERT".equals(record.path("eventName").asText()) || !image.isObject()) {
        continue;
      }
      Map<String, AttributeValue> item = EventItems.fromStreamImage(image);
      if (!EventItems.isEvent(item)) {
        continue;
      }
      String sequenceNumber = record.path("dynamodb").path("SequenceNumber").asText();
      try {
        if (running == null) {
          running = running();
        }
        project(EventItems.storedEvent(item), running);
      } catch (RuntimeException e) {
        // Logged with the record, so that the DLQ entry it may end as can be traced back.
        System.err.println("projecting record " + sequenceNumber + " failed:");
        e.printStackTrace();
        failures.addObject().put("itemIdentifier", sequenceNumber);
        break;
      }
    }
    return response;
  }

  /** Projects one event into every view that handles it. */
  public void project(StoredEvent event) {
    project(event, running());
  }

  private void project(StoredEvent event, Map<String, Rebuild> running) {
    for (Projection projection : projections) {
      Rebuild rebuild = running.get(projection.view());
      if (rebuild == null) {
        project(projection, event);
      } else if (rebuild.status() == Rebuild.Status.REPLAYING) {
        rebuilds.projectInOrder(rebuild, event, () -> project(projection, event));
      }
      // While the rebuild clears the view, it is left alone: the replay projects the event.
    }
  }

  /** Projects one event into one view, if the view handles it: the step every path shares. */
  private void project(Projection projection, StoredEvent event) {
    if (projection.handles(event)) {
      projector.project(projection, event);
    }
  }

  private Map<String, Rebuild> running() {
    return rebuilds == null ? Map.of() : rebuilds.running();
  }
}
