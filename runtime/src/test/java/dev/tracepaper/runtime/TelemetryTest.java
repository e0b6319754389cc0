package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import dev.tracepaper.runtime.testing.InMemoryEventStore;
import dev.tracepaper.runtime.testing.InMemoryViewStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * What the runtime logs and counts at the points where things happen (docs/operations.md): every
 * line is JSON with the invocation's fields, and every metric an embedded-metric-format document.
 */
class TelemetryTest {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void everyLineOfAnInvocationCarriesItsRequestIdAndTheCommandsFields() {
    InMemoryEventStore store = new InMemoryEventStore();
    CounterHandler handler = new CounterHandler(store, Counter.PLAIN, Clock.systemUTC());
    ObjectNode event =
        AppSyncEvents.mutation(
            "createCounter", Json.object().put("id", "c1"), "cmd-1", EventStoreContract.ALICE);
    event.putObject("request").putObject("headers").put("x-correlation-id", "corr-1");

    List<JsonNode> lines =
        StandardOutput.of(
            () -> {
              invoke(handler, event, context("req-1"));
              Log.info("a line of the same invocation", "extra", "x");
            });

    for (JsonNode line : lines) {
      assertEquals("req-1", line.path("AWSRequestId").asText(), line.toString());
      assertEquals("createCounter", line.path("command").asText(), line.toString());
      assertEquals("cmd-1", line.path("commandId").asText(), line.toString());
      assertEquals("corr-1", line.path("correlationId").asText(), line.toString());
      assertEquals("Counter", line.path("aggregate").asText(), line.toString());
      assertEquals("c1", line.path("aggregateKey").asText(), line.toString());
    }
    JsonNode info = StandardOutput.line(lines, "a line of the same invocation");
    assertEquals("INFO", info.path("level").asText());
    assertEquals("x", info.path("extra").asText());
    assertTrue(Instant.parse(info.path("timestamp").asText()).isAfter(NOW));

    // The next invocation starts afresh.
    List<JsonNode> next = StandardOutput.of(() -> invoke(handler, event, context("req-2")));
    assertEquals("req-2", next.get(0).path("AWSRequestId").asText());
  }

  /** Priming runs a synthetic command before the snapshot: it must count as nothing. */
  @Test
  void aCommandRunWhileMetricsAreSilencedCountsNothingAndMetricsComeBackAfter() {
    CounterHandler handler =
        new CounterHandler(new InMemoryEventStore(), Counter.PLAIN, Clock.systemUTC());
    List<JsonNode> silenced =
        StandardOutput.of(
            () ->
                Metrics.silently(
                    () ->
                        invoke(
                            handler,
                            AppSyncEvents.mutation(
                                "createCounter",
                                Json.object().put("id", "c1"),
                                null,
                                EventStoreContract.ALICE),
                            context("req-p"))));
    assertTrue(silenced.stream().noneMatch(line -> line.has("_aws")), silenced.toString());
    List<JsonNode> after =
        StandardOutput.of(
            () ->
                invoke(
                    handler,
                    AppSyncEvents.mutation(
                        "createCounter",
                        Json.object().put("id", "c2"),
                        null,
                        EventStoreContract.ALICE),
                    context("req-2")));
    assertTrue(after.stream().anyMatch(line -> line.has("_aws")), after.toString());
  }

  @Test
  void aCommandCountsTheRacesItLostAndTheDecisionsItMadeAgain() {
    EventStore losesTwice = new LosingStore(new InMemoryEventStore(), 2);
    CounterHandler handler = new CounterHandler(losesTwice, Counter.PLAIN, Clock.systemUTC());

    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                invoke(
                    handler,
                    AppSyncEvents.mutation(
                        "createCounter",
                        Json.object().put("id", "c1"),
                        null,
                        EventStoreContract.ALICE),
                    null));

    JsonNode metrics = StandardOutput.line(lines, "CommandSucceeded");
    assertEquals(2, metrics.path("Conflicts").asInt());
    assertEquals(2, metrics.path("Retries").asInt());
  }

  @Test
  void aCommandRefusedAfterItsLastRaceCountsTheConflictButNoRetryForIt() {
    EventStore alwaysLoses = new LosingStore(new InMemoryEventStore(), Integer.MAX_VALUE);
    CounterHandler handler = new CounterHandler(alwaysLoses, Counter.PLAIN, Clock.systemUTC());

    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                invoke(
                    handler,
                    AppSyncEvents.mutation(
                        "createCounter",
                        Json.object().put("id", "c1"),
                        null,
                        EventStoreContract.ALICE),
                    null));

    JsonNode metrics = StandardOutput.line(lines, "CommandRefused CONFLICT");
    assertEquals(CommandRunner.ATTEMPTS, metrics.path("Conflicts").asInt());
    assertEquals(CommandRunner.ATTEMPTS - 1, metrics.path("Retries").asInt());
  }

  @Test
  void eventsReadInAnOlderShapeAreCountedAsUpcasts() {
    InMemoryEventStore store = new InMemoryEventStore();
    Metadata meta = EventStoreContract.meta(null);
    new CommandRunner<>(store, UpcastingCounter.VERSION_1)
        .run("c1", Existence.NEW, meta, state -> List.of(new Counter.Created()));
    new CommandRunner<>(store, UpcastingCounter.VERSION_1)
        .run("c1", Existence.EXISTING, meta, state -> List.of(new Counter.Incremented(2)));

    Invocation invocation = Invocation.begin(null);
    store.load(UpcastingCounter.VERSION_2, "c1");

    // CounterBumped of version 1 became CounterIncremented of version 2; CounterCreated is as is.
    assertEquals(1, invocation.upcasts());
  }

  @Test
  void theProjectorLogsTheRecordItFailedOnAndCountsIt() {
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    ProjectorBatchTest.add(
        records,
        "300",
        "INSERT",
        EventItems.eventItem(ViewStoreContract.event("c1", 2, "CounterIncremented")));
    ProjectorHandler handler =
        new ProjectorHandler(new InMemoryViewStore(), List.of(ProjectorBatchTest.FAILING));

    List<JsonNode> lines = StandardOutput.of(() -> handler.project(streamEvent));

    JsonNode logged =
        StandardOutput.line(lines, "Projecting a stream record failed; Lambda retries from it");
    assertEquals("ERROR", logged.path("level").asText());
    assertEquals("300", logged.path("sequenceNumber").asText());
    assertEquals("Counter#c1@2", logged.path("eventId").asText());
    assertTrue(logged.path("stackTrace").asText().contains("broken projection"));
    JsonNode metrics = StandardOutput.line(lines, "Projected a batch");
    assertEquals(
        Json.parse(
            "[{\"Namespace\":\"Tracepaper\",\"Dimensions\":[[\"Function\"]],"
                + "\"Metrics\":[{\"Name\":\"ProjectionFailures\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Upcasts\",\"Unit\":\"Count\"}]}]"),
        metrics.path("_aws").path("CloudWatchMetrics"));
    assertEquals("Projector", metrics.path("Function").asText());
    assertEquals(1, metrics.path("ProjectionFailures").asInt());
  }

  @Test
  void thePublisherLogsWhatTheBusRefusedAndCountsTheRecordsNotPublished() {
    EventBridgeClient refusing =
        new EventBridgeClient() {
          @Override
          public PutEventsResponse putEvents(PutEventsRequest request) {
            return PutEventsResponse.builder()
                .failedEntryCount(1)
                .entries(
                    PutEventsResultEntry.builder()
                        .errorCode("InternalFailure")
                        .errorMessage("try later")
                        .build())
                .build();
          }

          @Override
          public String serviceName() {
            return "events";
          }

          @Override
          public void close() {}
        };
    ObjectNode streamEvent = Json.object();
    ArrayNode records = streamEvent.putArray("Records");
    ProjectorBatchTest.add(
        records,
        "100",
        "INSERT",
        EventItems.eventItem(ViewStoreContract.event("c1", 1, "CounterCreated")));

    List<JsonNode> lines =
        StandardOutput.of(() -> new PublisherHandler(refusing, "bus").publish(streamEvent));

    JsonNode logged =
        StandardOutput.line(lines, "EventBridge refused an entry; it is sent again later");
    assertEquals("WARN", logged.path("level").asText());
    assertEquals("InternalFailure", logged.path("errorCode").asText());
    JsonNode metrics = StandardOutput.line(lines, "Published a batch");
    assertEquals("Publisher", metrics.path("Function").asText());
    assertEquals(1, metrics.path("PublishFailures").asInt());
  }

  /** The SDK's warnings reach the log through the runtime's SLF4J binding; its debug does not. */
  @Test
  void theSdksWarningsAreLoggedAndItsDebugIsNot() {
    List<JsonNode> lines =
        StandardOutput.of(
            () -> {
              Invocation.begin(context("req-9"));
              org.slf4j.Logger sdk = LoggerFactory.getLogger("software.amazon.awssdk.Example");
              sdk.debug("not shown {}", 1);
              sdk.warn("retrying {} after {}", "PutEvents", "a throttle");
            });

    assertEquals(1, lines.size(), lines.toString());
    JsonNode line = lines.get(0);
    assertEquals("WARN", line.path("level").asText());
    assertEquals("retrying PutEvents after a throttle", line.path("message").asText());
    assertEquals("software.amazon.awssdk.Example", line.path("logger").asText());
    assertEquals("req-9", line.path("AWSRequestId").asText());
  }

  /** Hand-written code logs through CustomContext: the same JSON lines, with its logger's name. */
  @Test
  void theLoggerOfHandWrittenCodeWritesTheSameLines() {
    List<JsonNode> lines =
        StandardOutput.of(
            () -> {
              Invocation.begin(context("req-5")).put("command", "bookAppointment");
              System.Logger log =
                  CustomContext.of(java.util.Map.of(), Clock.systemUTC())
                      .logger(TelemetryTest.class);
              log.log(System.Logger.Level.WARNING, "slot {0} is taken", "09:00");
              log.log(System.Logger.Level.ERROR, "calendar down", new IllegalStateException("503"));
            });

    JsonNode warning = StandardOutput.line(lines, "slot 09:00 is taken");
    assertEquals("WARN", warning.path("level").asText());
    assertEquals(TelemetryTest.class.getName(), warning.path("logger").asText());
    assertEquals("req-5", warning.path("AWSRequestId").asText());
    assertEquals("bookAppointment", warning.path("command").asText());
    JsonNode error = StandardOutput.line(lines, "calendar down");
    assertEquals("ERROR", error.path("level").asText());
    assertEquals("503", error.path("errorMessage").asText());
  }

  @Test
  void aPolicyCountsItsCommandAndThrowsARefusalForLambdaToRetry() {
    ObjectNode delivery = Json.object();
    delivery.putObject("detail").put("id", "e1");
    byte[] input = Json.write(delivery).getBytes(StandardCharsets.UTF_8);

    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                assertThrows(
                    CommandError.class,
                    () ->
                        Policies.run(
                            new ByteArrayInputStream(input),
                            new ByteArrayOutputStream(),
                            context("req-3"),
                            Counter.PLAIN,
                            "ResetCounters",
                            detail -> {
                              throw CommandError.notFound("Counter", "c9");
                            })));

    JsonNode logged = StandardOutput.line(lines, "Policy refused");
    assertEquals("NOT_FOUND", logged.path("code").asText());
    assertEquals("ResetCounters", logged.path("command").asText());
    JsonNode metrics = StandardOutput.line(lines, "CommandRefused NOT_FOUND");
    assertEquals("ResetCounters", metrics.path("Command").asText());
    assertFalse(metrics.has("CommandSucceeded"));
  }

  private static void invoke(CounterHandler handler, JsonNode event, Context context) {
    handler.handleRequest(
        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
        new ByteArrayOutputStream(),
        context);
  }

  /** A Lambda context that knows its request id only. */
  private static Context context(String requestId) {
    return (Context)
        Proxy.newProxyInstance(
            Context.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) -> method.getName().equals("getAwsRequestId") ? requestId : null);
  }

  /** An event store whose appends lose a race the first {@code losses} times. */
  private static final class LosingStore implements EventStore {
    private final EventStore store;
    private int losses;

    LosingStore(EventStore store, int losses) {
      this.store = store;
      this.losses = losses;
    }

    @Override
    public <S, E> Loaded<S> load(AggregateType<S, E> type, String key) {
      return store.load(type, key);
    }

    @Override
    public <S, E> AppendOutcome append(
        AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta) {
      if (losses > 0) {
        losses--;
        return new AppendOutcome.Conflict();
      }
      return store.append(type, current, events, meta);
    }

    @Override
    public Optional<CommandRecord> recorded(CommandId commandId, Instant now) {
      return store.recorded(commandId, now);
    }

    @Override
    public List<StoredEvent> history(AggregateType<?, ?> type, String key) {
      return store.history(type, key);
    }
  }
}
