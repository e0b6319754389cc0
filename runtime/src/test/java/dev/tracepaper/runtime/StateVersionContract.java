package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} does with snapshots of another model version: they are passed over,
 * the aggregate is folded from its events with the current rules, and the next append writes a
 * fresh snapshot. {@code V1} is a counter whose increments count once; {@code V2} the same model
 * after its {@code apply} rule changed to count them twice (another state fingerprint).
 */
abstract class StateVersionContract {

  /** Snapshots every 2 events. */
  static final Counter V1 = new Counter(2, 0);

  /** Its increments count twice, and it snapshots every 10 events only. */
  static final Counter V2 = new Counter(10, 0).withFactor(2);

  abstract EventStore store();

  static String newKey() {
    return EventStoreContract.newKey();
  }

  void run(Counter type, String key, Counter.Event event) {
    new CommandRunner<>(store(), type)
        .run(
            key,
            event instanceof Counter.Created ? Existence.NEW : Existence.EXISTING,
            EventStoreContract.meta(null),
            state -> List.of(event));
  }

  /** Created, +3, +3 by V1: a snapshot (total 3) at version 2. */
  String sixByV1() {
    String key = newKey();
    run(V1, key, new Counter.Created());
    run(V1, key, new Counter.Incremented(3));
    run(V1, key, new Counter.Incremented(3));
    Loaded<Counter.State> old = store().load(V1, key);
    assertEquals(new Counter.State(6, 3), old.state());
    assertEquals(2, old.base(), "V1 read its own snapshot");
    return key;
  }

  @Test
  void aSnapshotOfAnotherModelIsPassedOverAndTheEventsFoldedWithTheCurrentRules() {
    String key = sixByV1();

    Loaded<Counter.State> loaded = store().load(V2, key);

    assertEquals(new Counter.State(12, 3), loaded.state());
    assertEquals(3, loaded.version());
    assertEquals(0, loaded.base(), "folded from the first event");
    assertTrue(loaded.exists());
    assertTrue(loaded.staleSnapshot());
  }

  @Test
  void theNextCommandWritesAFreshSnapshotBeforeSnapshotEveryIsReached() {
    String key = sixByV1();

    run(V2, key, new Counter.Incremented(1));

    Loaded<Counter.State> loaded = store().load(V2, key);
    assertEquals(new Counter.State(14, 1), loaded.state());
    assertEquals(4, loaded.base(), "the command's event carries a snapshot of V2");
    assertFalse(loaded.staleSnapshot());
    assertEquals(
        new Counter.State(7, 1),
        store().load(V1, key).state(),
        "V2's snapshot is stale for V1 in turn (two versions deployed side by side): V1 passes"
            + " over it to its own at version 2");
  }

  /**
   * The scenario: after the rule changed, an aggregate with an older snapshot must read the
   * new state, and refuse what the new state refuses.
   */
  @Test
  void aChangedRuleIsEnforcedOnAggregatesWithAnOlderSnapshot() {
    String key = sixByV1();
    Function<Counter.State, List<Counter.Event>> belowTen =
        state -> {
          if (state.total() >= 10) {
            throw CommandError.rule("LIMIT_REACHED", "the counter reached 10");
          }
          return List.of(new Counter.Incremented(1));
        };

    CommandError refused =
        assertThrows(
            CommandError.class,
            () ->
                new CommandRunner<>(store(), V2)
                    .run(key, Existence.EXISTING, EventStoreContract.meta(null), belowTen));

    assertEquals("LIMIT_REACHED", refused.code());
    assertEquals(3, store().load(V2, key).version(), "nothing was appended");
    CommandResult byOldRules =
        new CommandRunner<>(store(), V1)
            .run(key, Existence.EXISTING, EventStoreContract.meta(null), belowTen);
    assertEquals(4, byOldRules.version(), "the old snapshot alone would have allowed it");
  }

  @Test
  void anEndingEventBelowAStaleSnapshotIsTheBase() {
    String key = newKey();
    run(V1, key, new Counter.Created());
    run(V1, key, new Counter.Incremented(5));
    run(V1, key, new Counter.Deleted());
    run(V1, key, new Counter.Created());
    run(V1, key, new Counter.Incremented(2));
    run(V1, key, new Counter.Incremented(2)); // snapshot at 6: 6 - 3 >= 2

    Loaded<Counter.State> loaded = store().load(V2, key);

    assertEquals(new Counter.State(8, 2), loaded.state(), "the events after the ending event");
    assertEquals(3, loaded.base());
    assertTrue(loaded.staleSnapshot());
  }

  @Test
  void aSnapshotOfTheCurrentModelIsReadAsBefore() {
    String key = newKey();
    run(V2, key, new Counter.Created());
    for (int i = 0; i < 10; i++) {
      run(V2, key, new Counter.Incremented(1));
    }

    Loaded<Counter.State> loaded = store().load(V2, key);

    assertEquals(new Counter.State(20, 1), loaded.state());
    assertEquals(10, loaded.base());
    assertFalse(loaded.staleSnapshot());
  }
}
