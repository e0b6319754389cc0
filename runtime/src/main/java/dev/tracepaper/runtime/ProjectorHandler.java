package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * <p>A {@code from} view gets each event with the state the current model computes ({@link
 * StateResolver}): a stale state is folded again from the event store, once per stream and batch.
 *
 * <p>Every view has two tables ({@link ViewColour}): the projector writes the one its rebuild item
 * names live. While a view is rebuilt ({@link RebuildHandler}) into the other one, the projector
 * also projects an event there when the event's stream is replayed up to the event before it
 * ({@link RebuildLedger}). The rebuild items are read once per batch.
 */
public class ProjectorHandler implements RequestStreamHandler {

  private final Projector projector;
  private final EventStore events;
  private final RebuildLedger ledger;
  private final List<Projection> projections;

  /** Builds the publisher of the views that notify, on first use; {@code null}: none publishes. */
  private final Supplier<ChangePublisher> publishers;

  private ChangePublisher publisher;
  private int publishFailures;

  /**
   * For the generated project's handler class, which names the model's projections (the runtime
   * knows no model): the view tables, the event store and the bookkeeping table from the
   * environment; primed before the SnapStart snapshot ({@link Priming#projector}).
   */
  protected ProjectorHandler(List<Projection> projections) {
    this(
        DynamoDbViewStore.fromEnvironment(),
        DynamoDbEventStore.fromEnvironment(),
        RebuildLedger.fromEnvironment(),
        projections,
        // Only a projector with a view that notifies links the publisher (and so its signer).
        projections.stream().anyMatch(p -> p.notification().isPresent())
            ? ChangePublisher::fromEnvironment
            : null);
    List<Projection> all = this.projections;
    Priming.beforeSnapshot(getClass(), () -> Priming.projector(all));
  }

  /**
   * A projector that cannot fold stale states, of views that are never rebuilt while it runs: every
   * event a {@code from} view handles must carry the current model's state (in-memory tests of
   * events just appended).
   */
  public ProjectorHandler(ViewStore store, List<Projection> projections) {
    this(store, null, null, projections);
  }

  /** A projector of views that are never rebuilt while it runs (tests). */
  public ProjectorHandler(ViewStore store, EventStore events, List<Projection> projections) {
    this(store, events, null, projections);
  }

  /**
   * @param events where the aggregates of {@code from} views are read from when the state stored on
   *     an event is stale; {@code null} for none
   * @param rebuilds the ledger of the views' rebuilds and live tables; {@code null} for none (every
   *     view's blue table)
   */
  public ProjectorHandler(
      ViewStore store, EventStore events, RebuildLedger rebuilds, List<Projection> projections) {
    this(store, events, rebuilds, projections, (Supplier<ChangePublisher>) null);
  }

  /**
   * A projector that publishes the written rows of the views that notify through {@code publisher}
   * (tests: a publisher of a local endpoint).
   */
  public ProjectorHandler(
      ViewStore store,
      EventStore events,
      RebuildLedger rebuilds,
      List<Projection> projections,
      ChangePublisher publisher) {
    this(store, events, rebuilds, projections, () -> publisher);
  }

  private ProjectorHandler(
      ViewStore store,
      EventStore events,
      RebuildLedger rebuilds,
      List<Projection> projections,
      Supplier<ChangePublisher> publishers) {
    this.projector = new Projector(store);
    this.events = events;
    this.ledger = rebuilds;
    this.projections = List.copyOf(projections);
    this.publishers = publishers;
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Invocation.begin(context);
    Json.write(out, project(Json.read(in)));
  }

  /**
   * Projects the events of a DynamoDB stream event; answers the failed record, if any. Counts the
   * batch's {@code ProjectionFailures} and {@code Upcasts} (docs/operations.md).
   */
  public ObjectNode project(JsonNode streamEvent) {
    int upcastsBefore = Invocation.current().upcasts();
    publishFailures = 0;
    ObjectNode response = Json.object();
    ArrayNode failures = response.putArray("batchItemFailures");
    List<Record> records = new ArrayList<>();
    for (JsonNode record : streamEvent.path("Records")) {
      JsonNode image = record.path("dynamodb").path("NewImage");
      if (!"INSERT".equals(record.path("eventName").asText()) || !image.isObject()) {
        continue;
      }
      Map<String, AttributeValue> item = EventItems.fromStreamImage(image);
      if (EventItems.isEvent(item)) {
        records.add(new Record(record.path("dynamodb").path("SequenceNumber").asText(), item));
      }
    }
    // Read the whole batch first, so that stale states are folded once per stream and batch.
    List<StoredEvent> batch = new ArrayList<>();
    for (Record record : records) {
      try {
        batch.add(EventItems.storedEvent(record.item()));
      } catch (RuntimeException e) {
        break; // reported below, when the projection reaches it
      }
    }
    StateResolver states = new StateResolver(events, projections, batch);
    Map<String, Rebuild> rebuilds = null;
    for (int i = 0; i < records.size(); i++) {
      try {
        if (rebuilds == null) {
          rebuilds = rebuilds();
        }
        StoredEvent event =
            i < batch.size() ? batch.get(i) : EventItems.storedEvent(records.get(i).item());
        project(event, states, rebuilds);
      } catch (RuntimeException e) {
        // Logged with the record, so that the DLQ entry it may end as can be traced back.
        String sequenceNumber = records.get(i).sequenceNumber();
        Log.error(
            "Projecting a stream record failed; Lambda retries from it",
            e,
            "sequenceNumber",
            sequenceNumber,
            "eventId",
            i < batch.size() ? batch.get(i).streamId() + "@" + batch.get(i).version() : null);
        failures.addObject().put("itemIdentifier", sequenceNumber);
        break;
      }
    }
    Metrics metrics =
        Metrics.of("Projected a batch")
            .dimension("Function", "Projector")
            .count("ProjectionFailures", failures.size(), "Function")
            .count("Upcasts", Invocation.current().upcasts() - upcastsBefore, "Function");
    if (projections.stream().anyMatch(p -> p.notification().isPresent())) {
      metrics.count("NotificationFailures", publishFailures, "Function");
    }
    metrics.emit();
    return response;
  }

  /** Projects one event into every view that handles it. */
  public void project(StoredEvent event) {
    project(event, new StateResolver(events, projections, List.of(event)), rebuilds());
  }

  /**
   * Projects {@code event} into the live table of every view, and into the idle table of a view
   * being replayed when its cursor stands right before the event. While a rebuild clears the idle
   * table it is left alone: the replay projects the event.
   */
  private void project(StoredEvent event, StateResolver states, Map<String, Rebuild> rebuilds) {
    for (Projection projection : projections) {
      Rebuild rebuild = rebuilds.get(projection.view());
      ViewColour live = rebuild == null ? ViewColour.BLUE : rebuild.live();
      List<RowChange> written = project(projection, live, event, states);
      notifySubscribers(projection, written, event);
      if (rebuild != null && rebuild.status() == Rebuild.Status.REPLAYING) {
        ledger.projectInOrder(
            rebuild, event, () -> project(projection, rebuild.idle(), event, states));
      }
    }
  }

  /**
   * Projects one event into one table of a view, if the view handles it: every path's step. Answers
   * the row changes written.
   */
  private List<RowChange> project(
      Projection projection, ViewColour table, StoredEvent event, StateResolver states) {
    if (!projection.handles(event)) {
      return List.of();
    }
    return projector.project(table.of(projection), states.forView(projection, event));
  }

  /**
   * Publishes the rows written to the live table of a view that notifies, after they are written: a
   * failed publish is logged and counted ({@code NotificationFailures}), never retried and never a
   * failure of the record, so subscriptions cannot hold the view back ({@link ChangePublisher}).
   * The idle table of a rebuild publishes nothing: its rows are not read yet.
   */
  private void notifySubscribers(
      Projection projection, List<RowChange> written, StoredEvent event) {
    Optional<String> document = projection.notification();
    if (document.isEmpty() || written.isEmpty() || publishers == null) {
      return;
    }
    for (RowChange change : written) {
      try {
        if (publisher == null) {
          publisher = publishers.get();
        }
        publisher.publish(document.get(), change);
      } catch (RuntimeException e) {
        publishFailures++;
        Log.warn(
            "Publishing a changed row to the view's subscribers failed; the row is written, the"
                + " change is not sent again",
            e,
            "view",
            projection.view(),
            "key",
            change.key(),
            "eventId",
            event.streamId() + "@" + event.version());
      }
    }
  }

  private Map<String, Rebuild> rebuilds() {
    return ledger == null ? Map.of() : ledger.rebuilds();
  }

  /** An event item of the batch and the stream record's sequence number. */
  private record Record(String sequenceNumber, Map<String, AttributeValue> item) {}
}
