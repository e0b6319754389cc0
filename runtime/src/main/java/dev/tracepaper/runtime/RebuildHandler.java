package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Rebuilds one view from the event store, in steps that each fit in one invocation, while the live
 * projector keeps running and readers keep reading the view: the run fills the view's idle table
 * ({@link ViewColour}) and then switches readers to it in one write. An operator (or the template's
 * state machine) sends:
 *
 * <ul>
 *   <li>{@code {"view": "X"}}: starts a run; refused while another run of the view is active;
 *   <li>{@code {"view": "X", "action": "continue", "run": "<id>"}}: the run's next step;
 *   <li>{@code {"view": "X", "action": "status"}}: where the last run is;
 *   <li>{@code {"view": "X", "action": "cancel"}}: stops the active run at its next save, if it has
 *       not switched tables yet; readers never left the live table.
 * </ul>
 *
 * <p>Each answer is the run as {@link Rebuild#toJson()} gives it; its {@code status} is {@code
 * clearing}, {@code replaying} or {@code cleaning} while steps remain. A step works until the time
 * it was given runs out:
 *
 * <ol>
 *   <li>it deletes, page by page, what the idle table holds (an earlier run's rows);
 *   <li>it replays the event store into it stream by stream (a paged Scan of the stream ids, then a
 *       Query of each stream in version order), while the live projector writes the live table and
 *       follows the run's cursors into the idle one;
 *   <li>when every stream is replayed, the save that ends the replay names the idle table live: the
 *       switch, one conditional write ({@link RebuildLedger});
 *   <li>once projector batches that began before the switch are over, it deletes the rows of the
 *       table readers left, page by page.
 * </ol>
 *
 * <p>It saves where it got to every {@value #SAVE_EVERY} streams and after every page it deletes,
 * so memory holds one page and one stream, and a failed step loses little. An event the projection
 * fails on is skipped and named in {@code failed}, as the live projector leaves it to its
 * dead-letter queue.
 *
 * <p>A {@code from} view gets each event with the state the current model computes ({@link
 * StateResolver}), so a view added after its aggregate's events were stored fills completely. A
 * stream is read in version order from its first event, so its states are folded from the events in
 * hand, without another read. Only a stream taken up after its cursor (its first events were
 * projected by the live projector, the stream having begun while the view was replayed) is read
 * again from its first event, once, and only when a state stored after the cursor is stale.
 *
 * <p>A generated project extends it with a public no-argument constructor that passes the model's
 * projections; Lambda creates that class.
 */
public class RebuildHandler implements RequestStreamHandler {

  /** What a step keeps back of its invocation's time for the stream it is on and the save. */
  static final Duration MARGIN = Duration.ofSeconds(60);

  /**
   * How long a run waits after its switch before it empties the table readers left: the longest a
   * projector batch that read the ledger before the switch can still write it (the projector
   * function's 30 s timeout), and longer than an AppSync request that read the old pointer.
   */
  static final Duration PROJECTOR_BATCH_LIMIT = Duration.ofSeconds(35);

  static final int SAVE_EVERY = 100;

  private final DynamoDbClient dynamoDb;
  private final String eventStoreTable;
  private final EventStore events;
  private final ViewStore views;
  private final RebuildLedger ledger;
  private final List<Projection> projections;
  private final Clock clock;
  private final Duration grace;
  private final Projector projector;

  /**
   * For the generated project's handler class, which names the model's projections (the runtime
   * knows no model): the shared client, {@code EVENT_STORE_TABLE}, the view tables and the
   * bookkeeping table from the environment.
   */
  protected RebuildHandler(List<Projection> projections) {
    this(
        AwsClients.dynamoDb(),
        AwsClients.environment("EVENT_STORE_TABLE"),
        DynamoDbViewStore.fromEnvironment(),
        RebuildLedger.fromEnvironment(),
        projections,
        Clock.systemUTC(),
        PROJECTOR_BATCH_LIMIT);
  }

  /**
   * @param grace how long a run waits after its switch before it empties the table readers left,
   *     for projector batches and reads that started before the switch to end
   */
  public RebuildHandler(
      DynamoDbClient dynamoDb,
      String eventStoreTable,
      ViewStore views,
      RebuildLedger ledger,
      List<Projection> projections,
      Clock clock,
      Duration grace) {
    this.dynamoDb = dynamoDb;
    this.eventStoreTable = eventStoreTable;
    this.events = new DynamoDbEventStore(dynamoDb, eventStoreTable);
    this.views = views;
    this.ledger = ledger;
    this.projections = List.copyOf(projections);
    this.clock = clock;
    this.grace = grace;
    this.projector = new Projector(views);
  }

  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {
    Invocation.begin(context);
    BooleanSupplier timeLeft = () -> context.getRemainingTimeInMillis() > MARGIN.toMillis();
    Json.write(out, handle(Json.read(in), timeLeft));
  }

  /** Answers one request; a step works while {@code timeLeft} says so. */
  public ObjectNode handle(JsonNode request, BooleanSupplier timeLeft) {
    Projection view = projection(request.path("view").asText());
    Invocation.current().put("view", view.view());
    String action = request.path("action").asText("start");
    return switch (action) {
      case "start" -> start(view, timeLeft);
      case "continue" -> proceed(view, request.path("run").asText(), timeLeft);
      case "status" -> status(view);
      case "cancel" -> {
        ObjectNode answer = status(view);
        yield ledger.cancel(view.view()) ? status(view) : refused(answer, cannotCancel(answer));
      }
      default ->
          throw new IllegalArgumentException(
              "unknown action " + action + ": start, continue, status or cancel");
    };
  }

  /**
   * Starts a run on the table readers do not read. No projector batch writes that table now: the
   * last run that switched waited for the batches before its switch before it finished.
   */
  private ObjectNode start(Projection view, BooleanSupplier timeLeft) {
    Rebuild previous = ledger.read(view.view()).orElse(null);
    ViewColour live = previous == null ? ViewColour.BLUE : previous.live();
    Rebuild rebuild = Rebuild.start(view.view(), live, clock.instant());
    if ((previous != null && previous.status().active()) || !ledger.start(rebuild, previous)) {
      return refused(status(view), "a rebuild of " + view.view() + " is active: cancel it first");
    }
    return work(view, rebuild, timeLeft);
  }

  private ObjectNode proceed(Projection view, String run, BooleanSupplier timeLeft) {
    Rebuild rebuild = ledger.read(view.view()).orElse(null);
    if (rebuild == null || !rebuild.run().equals(run) || !rebuild.status().active()) {
      return refused(status(view), "run " + run + " is not the active rebuild");
    }
    return work(view, rebuild, timeLeft);
  }

  private ObjectNode status(Projection view) {
    return ledger
        .read(view.view())
        .map(Rebuild::toJson)
        .orElseGet(() -> Json.object().put("view", view.view()).put("status", "none"));
  }

  private static ObjectNode refused(ObjectNode answer, String why) {
    return answer.put("error", why);
  }

  private static String cannotCancel(ObjectNode run) {
    return run.path("status").asText().equals(Rebuild.Status.CLEANING.text())
        ? "the rebuild has switched tables: it is deleting the old table's rows"
        : "no rebuild is active";
  }

  /**
   * One step: clears the idle table, replays into it, switches, empties the table left, until done
   * or out of time; saves where it got to.
   */
  private ObjectNode work(Projection view, Rebuild rebuild, BooleanSupplier timeLeft) {
    ObjectNode stopped = clearIdleTable(view, rebuild, Rebuild.Status.CLEARING, timeLeft);
    if (stopped != null) {
      return stopped;
    }
    while (rebuild.status() == Rebuild.Status.REPLAYING) {
      ScanResponse page = streamPage(rebuild.scanFrom());
      int unsaved = 0;
      for (String stream : streamsAfter(page, rebuild.lastStream())) {
        rebuild.replayed(stream, replayStream(view, rebuild, stream));
        boolean outOfTime = !timeLeft.getAsBoolean();
        if (++unsaved == SAVE_EVERY || outOfTime) {
          unsaved = 0;
          if (!save(rebuild)) {
            return status(view);
          }
          if (outOfTime) {
            return rebuild.toJson();
          }
        }
      }
      rebuild.nextPage(page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
      if (!page.hasLastEvaluatedKey()) {
        // Every stream is replayed, and the live projector keeps the idle table current: this
        // save is the switch.
        rebuild.switchTables(clock.instant());
      }
      if (!save(rebuild)) {
        return status(view);
      }
      if (!timeLeft.getAsBoolean()) {
        return rebuild.toJson();
      }
    }
    if (rebuild.status() == Rebuild.Status.CLEANING) {
      awaitBatchesBefore(rebuild.switched());
      stopped = clearIdleTable(view, rebuild, Rebuild.Status.CLEANING, timeLeft);
    }
    return stopped != null ? stopped : rebuild.toJson();
  }

  /**
   * While the run is {@code during}, deletes the idle table's rows page by page, saving after each
   * page, then moves the run on: replaying after the clear, done after the clean. Answers null when
   * the step may go on, else what it answers.
   */
  private ObjectNode clearIdleTable(
      Projection view, Rebuild rebuild, Rebuild.Status during, BooleanSupplier timeLeft) {
    Projection idle = rebuild.idle().of(view);
    while (rebuild.status() == during) {
      ViewStore.Cleared page = views.deletePage(idle, clearedUpTo(view, rebuild));
      rebuild.cleared(page.deleted(), clearFrom(view, page.last()));
      if (page.last() == null) {
        rebuild.status(
            during == Rebuild.Status.CLEARING ? Rebuild.Status.REPLAYING : Rebuild.Status.DONE,
            clock.instant());
      }
      if (!save(rebuild)) {
        return status(view);
      }
      if (!timeLeft.getAsBoolean()) {
        return rebuild.toJson();
      }
    }
    return null;
  }

  /**
   * Waits until projector batches and AppSync reads that began before {@code switched} are over:
   * the only ones that can still use the table readers left.
   */
  private void awaitBatchesBefore(Instant switched) {
    long wait = Duration.between(clock.instant(), switched.plus(grace)).toMillis();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before emptying the table readers left", e);
    }
  }

  /**
   * Replays the events of {@code stream} after its cursor, raises the cursor, and reads again until
   * nothing came after the raise: from then on the live projector projects the stream's events.
   * Answers how many events were projected.
   */
  private long replayStream(Projection view, Rebuild rebuild, String stream) {
    long handled = 0;
    long cursor = ledger.cursor(rebuild, stream);
    // What this step read of the stream, kept for a from view: read from the first event on, it is
    // all its states are folded from (StateResolver).
    List<StoredEvent> read = new ArrayList<>();
    while (true) {
      List<StoredEvent> after = eventsAfter(stream, cursor);
      if (after.isEmpty()) {
        return handled;
      }
      if (view.stateOf().isPresent()) {
        read.addAll(after);
      }
      StateResolver states = new StateResolver(events, List.of(view), read);
      for (StoredEvent event : after) {
        if (view.handles(event) && replay(view, states, event, rebuild)) {
          handled++;
        }
        cursor = event.version();
      }
      ledger.raise(rebuild, stream, cursor);
    }
  }

  /** The events of {@code stream} after {@code version}, in version order, read consistently. */
  private List<StoredEvent> eventsAfter(String stream, long version) {
    List<StoredEvent> after = new ArrayList<>();
    for (Map<String, AttributeValue> item :
        dynamoDb
            .queryPaginator(
                r ->
                    r.tableName(eventStoreTable)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk > :after")
                        .expressionAttributeValues(
                            Map.of(
                                ":pk", AttributeValue.fromS(stream),
                                ":after", AttributeValue.fromN(Long.toString(version)))))
            .items()) {
      if (EventItems.isEvent(item)) {
        after.add(EventItems.storedEvent(item));
      }
    }
    return after;
  }

  /**
   * Projects one stored event into the view being rebuilt, as the live projector gets it (with the
   * state {@code states} gives a {@code from} view). An event the projection fails on is skipped
   * and recorded; AWS failing or rows contended fail the step, which the next one repeats from the
   * last save. Answers whether the event was projected.
   */
  private boolean replay(
      Projection view, StateResolver states, StoredEvent event, Rebuild rebuild) {
    try {
      projector.project(rebuild.idle().of(view), states.forView(view, event));
      return true;
    } catch (SdkException | Projector.RowsKeptChanging e) {
      throw e;
    } catch (RuntimeException e) {
      // The live projector leaves such an event to its dead-letter queue and goes on; so does the
      // rebuild, so that one poison event does not stop it. Named in the answer.
      Log.error("Rebuilding skipped an event it cannot project", e, "eventId", name(event));
      Metrics.of("Rebuild skipped an event")
          .dimension("Function", "Rebuild")
          .count("ProjectionFailures", 1, "Function")
          .emit();
      rebuild.failed(name(event));
      return false;
    }
  }

  /** One page of the event store's partition keys, from {@code from} (the first when null). */
  private ScanResponse streamPage(Map<String, AttributeValue> from) {
    // Consistent, so that every stream appended before the scan passes its place is seen.
    return dynamoDb.scan(
        r ->
            r.tableName(eventStoreTable)
                .consistentRead(true)
                .projectionExpression("pk")
                .exclusiveStartKey(from));
  }

  /**
   * The event streams of {@code page} in order, each once, after {@code last} (the stream a
   * previous step ended with on this page). A stream's items are adjacent in a Scan; a stream that
   * still showed up twice is replayed twice, which its cursor makes cheap and harmless.
   */
  private static List<String> streamsAfter(ScanResponse page, String last) {
    List<String> streams = new ArrayList<>();
    for (Map<String, AttributeValue> item : page.items()) {
      String pk = item.get("pk").s();
      if (EventItems.isEventStream(pk)
          && (streams.isEmpty() || !streams.get(streams.size() - 1).equals(pk))) {
        streams.add(pk);
      }
    }
    int done = last == null ? -1 : streams.indexOf(last);
    return streams.subList(done + 1, streams.size());
  }

  private boolean save(Rebuild rebuild) {
    rebuild.status(rebuild.status(), clock.instant());
    return ledger.save(rebuild);
  }

  private static String clearedUpTo(Projection view, Rebuild rebuild) {
    Map<String, AttributeValue> from = rebuild.clearFrom();
    return from == null ? null : from.get(view.keyField()).s();
  }

  private static Map<String, AttributeValue> clearFrom(Projection view, String last) {
    return last == null ? null : Map.of(view.keyField(), AttributeValue.fromS(last));
  }

  private Projection projection(String name) {
    return projections.stream()
        .filter(projection -> projection.view().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no view named " + name));
  }

  private static String name(StoredEvent event) {
    return event.streamId() + "@" + event.version();
  }
}
