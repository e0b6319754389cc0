package dev.tracepaper.runtime.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AggregateType;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.AppendOutcome;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.CommandError;
import dev.tracepaper.runtime.EventStore;
import dev.tracepaper.runtime.Json;
import dev.tracepaper.runtime.Loaded;
import dev.tracepaper.runtime.Metadata;
import dev.tracepaper.runtime.StoredEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.opentest4j.AssertionFailedError;

/**
 * A given/when/then case of the model, run in memory through the real handler: the given events (or
 * state) are stored, the command goes in as the JSON AppSync sends, and the outcome is read back
 * from the handler's answer and the store.
 */
public final class Scenario<S, E> {

  private static final String SOURCE = "scenario";

  private final AggregateType<S, E> type;
  private final InMemoryEventStore store = new InMemoryEventStore();
  private Clock clock = Clock.systemUTC();
  private String key;
  private Caller caller = new Caller("test-user", "test-user", List.of());
  private int given;

  public Scenario(AggregateType<S, E> type) {
    this.type = type;
  }

  public EventStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  /** The moment the case runs, {@code now} to the handler: {@code at:} in the model. */
  public Scenario<S, E> at(Instant moment) {
    clock = Clock.fixed(moment, java.time.ZoneOffset.UTC);
    return this;
  }

  /** The caller of the command: {@code as:} in the model. */
  public Scenario<S, E> as(String id, String name, List<String> roles) {
    caller = new Caller(id, name, roles);
    return this;
  }

  /** A caller whose id is its name, as {@code as:} without {@code id} in the model. */
  public Scenario<S, E> as(String name, List<String> roles) {
    return as(name, name, roles);
  }

  /** Past events of the instance {@code key}. */
  public Scenario<S, E> given(String key, List<E> events) {
    this.key = key;
    Loaded<S> current = store.load(type, key);
    AppendOutcome outcome = store.append(type, current, events, metadata());
    if (outcome instanceof AppendOutcome.Violation violation) {
      // The case's past contradicts its others: both hold a value no two instances may share.
      throw new IllegalStateException(
          "the given events of "
              + key
              + " take "
              + violation.claim().value()
              + ", which another instance holds");
    }
    given += events.size();
    return this;
  }

  /** An event as some version of the model stored it: its type name then, version and payload. */
  public record Stored(String type, int version, String json) {}

  public static Stored stored(String type, int version, String json) {
    return new Stored(type, version, json);
  }

  /**
   * Past events of the instance {@code key} as the versions of the model that stored them wrote
   * them: the command reads them through the aggregate's upcasts, as it reads the event store.
   */
  public Scenario<S, E> givenStored(String key, List<Stored> events) {
    this.key = key;
    for (Stored event : events) {
      store.appendAsStored(
          type,
          key,
          event.type(),
          event.version(),
          (ObjectNode) Json.parse(event.json()),
          Instant.now(clock));
    }
    given += events.size();
    return this;
  }

  /** The instance {@code key} as it stands, without the events that made it so. */
  public Scenario<S, E> givenState(String key, S state) {
    this.key = key;
    store.seed(type, key, state);
    given++;
    return this;
  }

  /**
   * Another instance of the aggregate, {@code key}, as it stands: a test's {@code others:}, whose
   * values of {@code unique} constraints the command then finds taken.
   */
  public Scenario<S, E> givenOther(String key, S state) {
    store.seed(type, key, state);
    return this;
  }

  /** Runs a mutation of the command handler with the input as AppSync passes it. */
  public Outcome whenCommand(
      BiFunction<EventStore, Clock, RequestStreamHandler> handler, String mutation, String input) {
    return whenCommand(handler, mutation, input, "AMAZON_COGNITO_USER_POOLS");
  }

  /**
   * Runs a mutation as a caller authenticated by {@code authType} (an {@link
   * AppSyncRequest.AuthType} name): for a command that admits no user-pool caller, the handler
   * refuses one.
   */
  public Outcome whenCommand(
      BiFunction<EventStore, Clock, RequestStreamHandler> handler,
      String mutation,
      String input,
      String authType) {
    JsonNode event =
        AppSyncEvents.mutation(
            mutation, Json.parse(input), null, caller, AppSyncRequest.AuthType.valueOf(authType));
    JsonNode answer = AppSyncEvents.invoke(handler.apply(store, clock), event);
    JsonNode error = answer.get("error");
    if (error != null) {
      return new Outcome(error.path("type").asText(), error.path("message").asText());
    }
    key = answer.path("id").asText();
    return new Outcome(null, null);
  }

  /** Runs a policy with its triggering event, as the bus delivers it. */
  public Outcome whenEvent(
      BiFunction<EventStore, Clock, RequestStreamHandler> handler,
      String source,
      String aggregate,
      String eventType,
      String payload) {
    StoredEvent trigger =
        new StoredEvent(
            aggregate,
            "trigger",
            1,
            eventType,
            1,
            (ObjectNode) Json.parse(payload),
            clock.instant(),
            null,
            "scenario",
            caller.id(),
            source);
    ObjectNode event = Json.object();
    event.put("source", source);
    event.put("detail-type", eventType);
    event.set("detail", trigger.toJson());
    try {
      JsonNode answer = AppSyncEvents.invoke(handler.apply(store, clock), event);
      key = answer.path("id").asText();
      return new Outcome(null, null);
    } catch (CommandError e) {
      return new Outcome(e.code(), e.getMessage());
    }
  }

  /** The context of a given event: no command id, since nothing sends it twice. */
  private Metadata metadata() {
    return new Metadata(null, SOURCE, caller, Instant.now(clock));
  }

  /** What the command did: its error, or the events it appended and the state they left. */
  public final class Outcome {
    private final String errorCode;
    private final String errorMessage;

    Outcome(String errorCode, String errorMessage) {
      this.errorCode = errorCode;
      this.errorMessage = errorMessage;
    }

    /** The command failed with {@code code} and exactly this message. */
    public Outcome thenError(String code, String message) {
      thenError(code);
      if (!message.equals(errorMessage)) {
        throw new AssertionFailedError("the message of " + code, message, errorMessage);
      }
      return this;
    }

    /** The command failed with {@code code}. */
    public Outcome thenError(String code) {
      if (!code.equals(errorCode)) {
        throw new AssertionFailedError(
            "expected the error " + code + " but " + describe(), code, errorCode);
      }
      return this;
    }

    /**
     * The command appended exactly these events, in order; each names the fields that must match,
     * other fields are not compared.
     */
    public Outcome thenEvents(Expected... expected) {
      succeeded();
      List<StoredEvent> appended = appended();
      List<String> types = appended.stream().map(StoredEvent::type).toList();
      List<String> expectedTypes = java.util.Arrays.stream(expected).map(Expected::type).toList();
      if (!types.equals(expectedTypes)) {
        throw new AssertionFailedError(
            "expected the events " + expectedTypes + " but got " + types, expectedTypes, types);
      }
      for (int i = 0; i < expected.length; i++) {
        matches(
            "event " + (i + 1) + " (" + types.get(i) + ")",
            Json.parse(expected[i].fields()),
            appended.get(i).payload());
      }
      return this;
    }

    /** The state after the command has these field values; other fields are not compared. */
    public Outcome thenState(String expected) {
      succeeded();
      S state = store.load(type, key).state();
      matches("the state", Json.parse(expected), type.stateToJson(state));
      return this;
    }

    /** The command ended the instance: it existed, and after the command it does not. */
    public Outcome thenDeleted() {
      succeeded();
      if (store.history(type, key).isEmpty()) {
        throw new AssertionFailedError("expected the instance deleted, but it never existed");
      }
      if (store.load(type, key).exists()) {
        throw new AssertionFailedError("expected the instance deleted, but it still exists");
      }
      return this;
    }

    /** The instance exists after the command. */
    public Outcome thenNotDeleted() {
      succeeded();
      if (!store.load(type, key).exists()) {
        throw new AssertionFailedError(
            store.history(type, key).isEmpty()
                ? "expected the instance to exist, but it was never started"
                : "expected the instance not deleted, but it was");
      }
      return this;
    }

    private void succeeded() {
      if (errorCode != null) {
        throw new AssertionFailedError("expected success but " + describe());
      }
    }

    private List<StoredEvent> appended() {
      List<StoredEvent> history = store.history(type, key);
      return history.subList(Math.min(given, history.size()), history.size());
    }

    private String describe() {
      return errorCode == null
          ? "the command succeeded"
          : "the command failed with " + errorCode + ": " + errorMessage;
    }
  }

  /** An event a case expects: its type and, as JSON, the fields that must match. */
  public record Expected(String type, String fields) {}

  public static Expected event(String type, String fields) {
    return new Expected(type, fields);
  }

  /** Every field of {@code expected} is in {@code actual} with an equal value. */
  static void matches(String what, JsonNode expected, JsonNode actual) {
    for (Map.Entry<String, JsonNode> field : expected.properties()) {
      JsonNode value = actual.get(field.getKey());
      if (!same(field.getValue(), value)) {
        throw new AssertionFailedError(
            what + ": " + field.getKey() + " is " + value + ", expected " + field.getValue(),
            field.getValue(),
            value);
      }
    }
  }

  /** JSON equality where numbers are equal by value (2 and 2.0). */
  static boolean same(JsonNode expected, JsonNode actual) {
    if (actual == null || actual.isNull()) {
      return expected.isNull();
    }
    if (expected.isNumber() && actual.isNumber()) {
      return new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())) == 0;
    }
    if (expected.isObject() && actual.isObject()) {
      try {
        matches("", expected, actual);
        return expected.size() == actual.size();
      } catch (AssertionFailedError e) {
        return false;
      }
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!same(expected.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }
}
