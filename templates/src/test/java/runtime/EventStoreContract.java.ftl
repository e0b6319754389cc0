<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} must do, run through {@link CommandRunner} as handlers use it.
 * Subclasses supply the store; each test uses its own aggregate key.
 */
abstract class EventStoreContract {

  static final Caller ALICE = new Caller("alice", List.of("librarian"));
  static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

  abstract EventStore store();

  CommandRunner<Counter.State, Counter.Event> runner(Counter type) {
    return new CommandRunner<>(store(), type);
  }

  static Metadata meta(String commandId) {
    return new Metadata(commandId, "corr-" + UUID.randomUUID(), ALICE, NOW);
  }

  static String newKey() {
    return UUID.randomUUID().toString();
  }

  CommandResult create(String key) {
    return runner(Counter.PLAIN)
        .run(key, true, meta(null), state -> List.of(new Counter.Created()));
  }

  CommandResult increment(Counter type, String key, int by, String commandId) {
    return runner(type)
        .run(key, false, meta(commandId), state -> List.of(new Counter.Incremented(by)));
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
                false,
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
    assertEquals("alice", last.user());
    assertEquals(NOW, last.timestamp());
    assertEquals("sample.Counting.Counter", last.source());
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
    assertTrue(store().result("lost-" + key).isEmpty());
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
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(commands)) {
      for (int i = 0; i < commands; i++) {
        outcomes.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    increment(Counter.PLAIN, key, 1, null);
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

  @Test
  void aRetriedCreateAnswersTheFirstResultInsteadOfAlreadyExists() {
    String key = newKey();
    String commandId = "create-" + key;
    CommandResult first =
        runner(Counter.PLAIN)
            .run(key, true, meta(commandId), state -> List.of(new Counter.Created()));

    CommandResult retried =
        runner(Counter.PLAIN)
            .run(key, true, meta(commandId), state -> List.of(new Counter.Created()));

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
                        false,
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
    CommandResult result = runner(Counter.PLAIN).run(key, false, meta(null), state -> List.of());
    assertEquals(new CommandResult(key, 1, List.of()), result);
  }

  @Test
  void anEndingEventEndsTheInstanceAndACreateStartsItAgain() {
    String key = newKey();
    create(key);
    increment(Counter.PLAIN, key, 5, null);
    runner(Counter.PLAIN).run(key, false, meta(null), state -> List.of(new Counter.Deleted()));

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
