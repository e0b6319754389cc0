package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, run through {@link CommandRunner} as handlers use it.
 * Subclasses supply the store; each test uses its own aggregate key.
 */
abstract class EventStoreContract {

  static final Caller ALICE = new Caller("u-alice", "alice", List.of("librarian"));
  static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  abstract EventStore store();

  CommandRunner<Counter.State, Counter.Event> runner(Counter type) {
    return new CommandRunner<>(store(), type);
  }

  /** The context of a command by {@link #ALICE}, with {@code commandId} for an empty input. */
  static Metadata meta(String commandId) {
    return meta(commandId, Json.object(), NOW);
  }

  /** The context of a command by {@link #ALICE} at {@code now}, with its id for {@code input}. */
  static Metadata meta(String commandId, JsonNode input, Instant now) {
    return meta(commandId == null ? null : CommandId.of(commandId, ALICE.id(), "test", input), now);
  }

  static Metadata meta(CommandId commandId, Instant now) {
    return new Metadata(commandId, "corr-" + UUID.randomUUID(), ALICE, now);
  }

  /** Increments by {@code by}, the input the command id fingerprints. */
  CommandResult increment(String key, int by, CommandId commandId, Instant now) {
    return runner(Counter.PLAIN)
        .run(
            key,
            Existence.EXISTING,
            meta(commandId, now),
            state -> List.of(new Counter.Incremented(by)));
  }

  static CommandId incrementId(String id, String caller, String mutation, int by) {
    return CommandId.of(id, caller, mutation, Json.object().put("by", by));
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  CommandResult create(String key) {
    return runner(Counter.PLAIN)
        .run(key, Existence.NEW, meta(null), state -> List.of(new Counter.Created()));
  }

  CommandResult increment(Counter type, String key, int by, String commandId) {
    return runner(type)
        .run(
            key,
            Existence.EXISTING,
            meta(commandId),
            state -> List.of(new Counter.Incremented(by)));
  }

  @Test
  void appendsAndReloads() {
    String key = newKey();
    assertEquals(new CommandResult(key, 1, List.of("CounterCreated")), create(key));
    increment(Counter.PLAIN, key, 2, null);
    CommandResult third =
        runner(Counter.PLAIN)
            .run(
                key,
                Existence.EXISTING,
                meta(null),
                state -> List.of(new Counter.Incremented(3), new Counter.Incremented(4)));

    assertEquals(
        new CommandResult(key, 4, List.of("CounterIncremented", "CounterIncremented")), third);
    Loaded<Counter.State> loaded = store().load(Counter.PLAIN, key);
    assertEquals(new Counter.State(9, 4), loaded.state());
    assertEquals(4, loaded.version());
    assertTrue(loaded.exists());
    List<StoredEvent> history = store().history(Counter.PLAIN, key);
    assertEquals(List.of(1L, 2L, 3L, 4L), history.stream().map(StoredEvent::version).toList());
    StoredEvent last = history.get(3);
    assertEquals("CounterIncremented", last.type());
    assertEquals(4, last.payload().path("by").asInt());
    assertEquals("u-alice", last.user(), "events record the caller's id");
    assertEquals(NOW, last.timestamp());
    assertEquals("sample.Counting.Counter", last.source());
  }

  @Test
  void eventsStoredByAnOlderModelLoadUpcastAndStayAsStored() {
    String key = newKey();
    new CommandRunner<>(store(), UpcastingCounter.VERSION_1)
        .run(key, Existence.NEW, meta(null), state -> List.of(new Counter.Created()));
    new CommandRunner<>(store(), UpcastingCounter.VERSION_1)
        .run(key, Existence.EXISTING, meta(null), state -> List.of(new Counter.Incremented(2)));

    CommandResult next =
        new CommandRunner<>(store(), UpcastingCounter.VERSION_2)
            .run(key, Existence.EXISTING, meta(null), state -> List.of(new Counter.Incremented(5)));

    assertEquals(new CommandResult(key, 3, List.of("CounterIncremented")), next);
    assertEquals(new Counter.State(7, 5), store().load(UpcastingCounter.VERSION_2, key).state());
    List<StoredEvent> history = store().history(UpcastingCounter.VERSION_2, key);
    assertEquals(
        List.of("CounterCreated", "CounterBumped", "CounterIncremented"),
        history.stream().map(StoredEvent::type).toList());
    assertEquals(List.of(1, 1, 2), history.stream().map(StoredEvent::schemaVersion).toList());
    assertEquals(2, history.get(1).payload().path("amount").asInt());
    // The older model cannot read what the newer one wrote, and says so instead of guessing.
    assertThrows(
        UnreadableEventException.class, () -> store().load(UpcastingCounter.VERSION_1, key));
  }

  @Test
  void aNewAggregateIsEmpty() {
    Loaded<Counter.State> loaded = store().load(Counter.PLAIN, newKey());
    assertEquals(0, loaded.version());
    assertFalse(loaded.exists());
    assertEquals(Counter.PLAIN.empty(), loaded.state());
  }

  @Test
  void aStaleAppendConflictsAndStoresNothing() {
    String key = newKey();
    create(key);
    Loaded<Counter.State> first = store().load(Counter.PLAIN, key);
    Loaded<Counter.State> second = store().load(Counter.PLAIN, key);

    AppendOutcome won =
        store().append(Counter.PLAIN, first, List.of(new Counter.Incremented(1)), meta(null));
    AppendOutcome lost =
        store()
            .append(
                Counter.PLAIN,
                second,
                List.of(new Counter.Incremented(5), new Counter.Incremented(6)),
                meta("lost-" + key));

    assertInstanceOf(AppendOutcome.Appended.class, won);
    assertInstanceOf(AppendOutcome.Conflict.class, lost);
    assertEquals(2, store().history(Counter.PLAIN, key).size());
    assertTrue(store().recorded(meta("lost-" + key).commandId(), NOW).isEmpty());
  }

  @Test
  void concurrentCommandsLoseNoEvent() throws Exception {
    String key = newKey();
    create(key);

    long succeeded = incrementConcurrently(key, 20);

    List<StoredEvent> history = store().history(Counter.PLAIN, key);
    assertEquals(
        LongStream.rangeClosed(1, 1 + succeeded).boxed().toList(),
        history.stream().map(StoredEvent::version).toList());
    assertEquals(succeeded, store().load(Counter.PLAIN, key).state().total());
    assertTrue(succeeded > 0, "no command succeeded");
  }

  /**
   * Runs {@code commands} increments of 1 at once, each on its own thread; each succeeds or fails
   * with {@code CONFLICT}. Answers how many succeeded.
   */
  long incrementConcurrently(String key, int commands) throws Exception {
    return incrementConcurrently(key, commands, Existence.EXISTING);
  }

  /** As {@link #incrementConcurrently(String, int)}, the increments expecting {@code existence}. */
  long incrementConcurrently(String key, int commands, Existence existence) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(commands);
    try {
      for (int i = 0; i < commands; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    runner(Counter.PLAIN)
                        .run(
                            key,
                            existence,
                            meta(null),
                            state -> List.of(new Counter.Incremented(1)));
                    return true;
                  } catch (CommandError e) {
                    assertEquals(CommandError.CONFLICT, e.code());
                    return false;
                  }
                }));
      }
      start.countDown();
      long succeeded = 0;
      for (Future<Boolean> outcome : outcomes) {
        succeeded += outcome.get() ? 1 : 0;
      }
      return succeeded;
    } finally {
      // ExecutorService.close() is Java 19; the runtime's tests compile for 17.
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void aRetriedCommandAnswersTheFirstResultAndAppendsNothing() {
    String key = newKey();
    create(key);
    String commandId = "cmd-" + key;
    CommandResult first = increment(Counter.PLAIN, key, 3, commandId);
    increment(Counter.PLAIN, key, 1, null);

    CommandResult retried = increment(Counter.PLAIN, key, 3, commandId);

    assertEquals(first, retried);
    assertEquals(3, store().history(Counter.PLAIN, key).size());
    assertEquals(4, store().load(Counter.PLAIN, key).state().total());
  }

  /**
   * The same id sent by another caller, or to another mutation, is another command: it runs, and
   * does not answer the first command's result.
   */
  @Test
  void aCommandIdIsScopedToTheCallerAndTheMutation() {
    String key = newKey();
    create(key);
    String id = "shared-" + key;

    CommandResult first = increment(key, 2, incrementId(id, "alice", "incrementCounter", 2), NOW);
    CommandResult otherMutation =
        increment(key, 2, incrementId(id, "alice", "addToCounter", 2), NOW);
    CommandResult otherCaller =
        increment(key, 2, incrementId(id, "bob", "incrementCounter", 2), NOW);

    assertEquals(
        List.of(2L, 3L, 4L),
        List.of(first.version(), otherMutation.version(), otherCaller.version()));
    assertEquals(6, store().load(Counter.PLAIN, key).state().total());
  }

  /**
   * Through the handler, as a client sends it: a mutation sent with the id of an earlier one runs
   * (before, it answered the earlier command's result and changed nothing); the same mutation with
   * the id and another input is refused; another caller's id is its own.
   */
  @Test
  void aHandlerScopesCommandIdsToTheMutationAndTheCaller() {
    String key = newKey();
    String id = UUID.randomUUID().toString();
    CounterHandler handler = new CounterHandler(store(), Counter.PLAIN, Clock.systemUTC());
    Caller bob = new Caller("u-bob", "bob", List.of());

    JsonNode created = send(handler, "createCounter", key, 0, id, ALICE);
    JsonNode incremented = send(handler, "incrementCounter", key, 2, id, ALICE);
    JsonNode again = send(handler, "incrementCounter", key, 2, id, ALICE);
    JsonNode otherInput = send(handler, "incrementCounter", key, 3, id, ALICE);
    JsonNode byBob = send(handler, "incrementCounter", key, 2, id, bob);

    assertEquals(1, created.path("version").asLong(), created.toString());
    assertEquals(2, incremented.path("version").asLong(), incremented.toString());
    assertEquals(incremented, again);
    assertEquals(CommandError.COMMAND_ID_REUSED, otherInput.path("error").path("type").asText());
    assertEquals(3, byBob.path("version").asLong(), byBob.toString());
    assertEquals(4, store().load(Counter.PLAIN, key).state().total());
  }

  private static JsonNode send(
      CounterHandler handler, String mutation, String key, int by, String id, Caller caller) {
    ObjectNode input = Json.object().put("id", key);
    if (by != 0) {
      input.put("by", by);
    }
    return AppSyncEvents.invoke(handler, AppSyncEvents.mutation(mutation, input, id, caller));
  }

  /**
   * The same id with another input is a client's mistake: answering the first result would report a
   * command as done that never ran. It is refused, and appends nothing; so is a create whose
   * decision fails because the first command created the instance.
   */
  @Test
  void aCommandIdSentAgainWithAnotherInputIsRefused() {
    String key = newKey();
    create(key);
    String id = "reused-" + key;
    increment(key, 2, incrementId(id, "alice", "incrementCounter", 2), NOW);

    CommandError e =
        assertThrows(
            CommandError.class,
            () -> increment(key, 3, incrementId(id, "alice", "incrementCounter", 3), NOW));

    assertEquals(CommandError.COMMAND_ID_REUSED, e.code());
    assertTrue(e.getMessage().contains(id), e.getMessage());
    assertEquals(2, store().history(Counter.PLAIN, key).size());
    assertEquals(2, store().load(Counter.PLAIN, key).state().total());

    String createKey = newKey();
    CommandId createId = CommandId.of("c-" + createKey, "alice", "createCounter", Json.object());
    runner(Counter.PLAIN)
        .run(
            createKey, Existence.NEW, meta(createId, NOW), state -> List.of(new Counter.Created()));
    CommandId otherInput =
        CommandId.of(createId.id(), "alice", "createCounter", Json.object().put("label", "x"));
    CommandError refused =
        assertThrows(
            CommandError.class,
            () ->
                runner(Counter.PLAIN)
                    .run(
                        createKey,
                        Existence.NEW,
                        meta(otherInput, NOW),
                        state -> List.of(new Counter.Created())));
    assertEquals(CommandError.COMMAND_ID_REUSED, refused.code());
  }

  /** Within its lifetime an id answers the first result; after it, the command runs again. */
  @Test
  void aCommandIdIsForgottenAfterItsLifetime() {
    String key = newKey();
    create(key);
    CommandId id = incrementId("ttl-" + key, "alice", "incrementCounter", 1);
    CommandResult first = increment(key, 1, id, NOW);

    Instant lastMoment = NOW.plus(CommandId.LIFETIME).minusSeconds(1);
    assertEquals(first, increment(key, 1, id, lastMoment));
    assertTrue(store().recorded(id, lastMoment).isPresent());
    assertTrue(store().recorded(id, NOW.plus(CommandId.LIFETIME)).isEmpty());

    Instant expired = NOW.plus(CommandId.LIFETIME);
    CommandResult again = increment(key, 1, id, expired);
    assertEquals(first.version() + 1, again.version(), "a new command after the lifetime");
    assertEquals(again, increment(key, 1, id, expired.plusSeconds(60)), "and remembered again");
    assertEquals(2, store().load(Counter.PLAIN, key).state().total());
  }

  @Test
  void aRetriedCreateAnswersTheFirstResultInsteadOfAlreadyExists() {
    String key = newKey();
    String commandId = "create-" + key;
    CommandResult first =
        runner(Counter.PLAIN)
            .run(key, Existence.NEW, meta(commandId), state -> List.of(new Counter.Created()));

    CommandResult retried =
        runner(Counter.PLAIN)
            .run(key, Existence.NEW, meta(commandId), state -> List.of(new Counter.Created()));

    assertEquals(first, retried);
    CommandError other = assertThrows(CommandError.class, () -> create(key));
    assertEquals(CommandError.ALREADY_EXISTS, other.code());
  }

  @Test
  void missingAggregatesAreNotFound() {
    CommandError e =
        assertThrows(CommandError.class, () -> increment(Counter.PLAIN, newKey(), 1, null));
    assertEquals(CommandError.NOT_FOUND, e.code());
  }

  @Test
  void aRuleFailureAppendsNothing() {
    String key = newKey();
    create(key);
    CommandError e =
        assertThrows(
            CommandError.class,
            () ->
                runner(Counter.PLAIN)
                    .run(
                        key,
                        Existence.EXISTING,
                        meta("rule-" + key),
                        state -> {
                          throw CommandError.rule("TOO_HIGH", "Too high");
                        }));
    assertEquals("TOO_HIGH", e.code());
    assertEquals(1, store().history(Counter.PLAIN, key).size());
  }

  @Test
  void aCommandWithoutEventsAppendsNothing() {
    String key = newKey();
    create(key);
    CommandResult result =
        runner(Counter.PLAIN).run(key, Existence.EXISTING, meta(null), state -> List.of());
    assertEquals(new CommandResult(key, 1, List.of()), result);
  }

  @Test
  void anEndingEventEndsTheInstanceAndACreateStartsItAgain() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 5, null);
    runner(Counter.PLAIN)
        .run(key, Existence.EXISTING, meta(null), state -> List.of(new Counter.Deleted()));

    Loaded<Counter.State> deleted = store().load(Counter.PLAIN, key);
    assertFalse(deleted.exists());
    assertEquals(Counter.PLAIN.empty(), deleted.state());
    assertEquals(3, deleted.version());
    CommandError e = assertThrows(CommandError.class, () -> increment(Counter.PLAIN, key, 1, null));
    assertEquals(CommandError.NOT_FOUND, e.code());

    assertEquals(new CommandResult(key, 4, List.of("CounterCreated")), create(key));
    increment(Counter.PLAIN, key, 2, null);
    Loaded<Counter.State> again = store().load(Counter.PLAIN, key);
    assertTrue(again.exists());
    assertEquals(new Counter.State(2, 2), again.state());
    assertEquals(5, again.version());
  }

  /** Increments by {@code by}, starting the counter when it does not exist ({@code ifMissing}). */
  CommandResult incrementOrStart(String key, int by) {
    return runner(Counter.PLAIN)
        .run(
            key,
            Existence.NEW_OR_EXISTING,
            meta(null),
            state -> List.of(new Counter.Incremented(by)));
  }

  @Test
  void aCreateOrUpdateStartsAMissingInstanceAndChangesAnExistingOne() {
    String key = newKey();

    assertEquals(
        new CommandResult(key, 1, List.of("CounterIncremented")), incrementOrStart(key, 2));
    assertEquals(
        new CommandResult(key, 2, List.of("CounterIncremented")), incrementOrStart(key, 3));

    Loaded<Counter.State> loaded = store().load(Counter.PLAIN, key);
    assertTrue(loaded.exists());
    assertEquals(new Counter.State(5, 3), loaded.state());
  }

  @Test
  void aCreateOrUpdateDecidesOnTheEmptyStateAfterADeletionAndStartsTheInstanceAgain() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 5, null);
    runner(Counter.PLAIN)
        .run(key, Existence.EXISTING, meta(null), state -> List.of(new Counter.Deleted()));
    List<Counter.State> decidedOn = new ArrayList<>();

    CommandResult again =
        runner(Counter.PLAIN)
            .run(
                key,
                Existence.NEW_OR_EXISTING,
                meta(null),
                state -> {
                  decidedOn.add(state);
                  return List.of(new Counter.Incremented(1));
                });

    assertEquals(List.of(Counter.PLAIN.empty()), decidedOn);
    assertEquals(new CommandResult(key, 4, List.of("CounterIncremented")), again);
    assertEquals(new Counter.State(1, 1), store().load(Counter.PLAIN, key).state());
  }

  @Test
  void aCreateOrUpdateThatRecordsNothingLeavesAMissingInstanceMissing() {
    String key = newKey();

    CommandResult result =
        runner(Counter.PLAIN).run(key, Existence.NEW_OR_EXISTING, meta(null), state -> List.of());

    assertEquals(new CommandResult(key, 0, List.of()), result);
    assertFalse(store().load(Counter.PLAIN, key).exists());
  }

  /**
   * Commands that all find no instance race to start it: one starts it, each other one conflicts,
   * loads the instance the winner started and changes it. No event is lost or written twice.
   */
  @Test
  void concurrentCreateOrUpdatesOnAMissingInstanceLoseNoEvent() throws Exception {
    String key = newKey();

    long succeeded = incrementConcurrently(key, 20, Existence.NEW_OR_EXISTING);

    List<StoredEvent> history = store().history(Counter.PLAIN, key);
    assertEquals(
        LongStream.rangeClosed(1, succeeded).boxed().toList(),
        history.stream().map(StoredEvent::version).toList());
    assertEquals(succeeded, store().load(Counter.PLAIN, key).state().total());
    assertTrue(succeeded > 1, "only " + succeeded + " command succeeded");
  }

  @Test
  void snapshotsGiveTheStateOfAFullReplay() {
    Counter snapshotting = new Counter(3, 0);
    String key = newKey();
    create(key);
    for (int by = 1; by <= 10; by++) {
      increment(snapshotting, key, by, null);
    }
    Loaded<Counter.State> loaded = store().load(snapshotting, key);
    assertEquals(replay(Counter.PLAIN, key), loaded.state());
    assertEquals(new Counter.State(55, 10), loaded.state());
    assertEquals(11, loaded.version());
    assertTrue(loaded.base() > 0, "no snapshot was used");
  }

  /** The state from every stored event, without snapshots. */
  Counter.State replay(Counter type, String key) {
    Counter.State state = type.empty();
    for (StoredEvent event : store().history(type, key)) {
      Counter.Event decoded = type.eventFromJson(event.type(), event.payload());
      state = type.endsInstance(decoded) ? type.empty() : type.apply(state, decoded);
    }
    return state;
  }
}
