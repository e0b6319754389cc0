package dev.tracepaper.runtime;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Runs one command against one aggregate: load, check existence, decide, append; on a lost race
 * reload and decide again (the other command may have changed what is allowed), at most {@value
 * #ATTEMPTS} times, then fail with {@code CONFLICT}. A value of a {@code unique} constraint that
 * another instance holds fails at once with the constraint's code: deciding again would take it
 * again.
 *
 * <p>Idempotency: with a command id, a second run with the same id (and the same input) answers the
 * first result and appends nothing, also when the second decision would fail (a {@code creates}
 * command retried after it succeeded would otherwise answer {@code ALREADY_EXISTS}); with another
 * input it fails with {@code COMMAND_ID_REUSED}.
 */
public final class CommandRunner<S, E> {

  static final int ATTEMPTS = 5;

  /** The first backoff; each later one doubles, with full jitter. */
  private static final long BACKOFF_MILLIS = 10;

  private final EventStore store;
  private final AggregateType<S, E> type;

  public CommandRunner(EventStore store, AggregateType<S, E> type) {
    this.store = store;
    this.type = type;
  }

  /**
   * @param existence whether the command starts the aggregate (it must not exist), changes it (it
   *     must exist), or either
   * @param decide the command's flow: the events for the current state (the empty state when the
   *     instance does not exist), or a {@link CommandError}
   */
  public CommandResult run(
      String key, Existence existence, Metadata meta, Function<S, List<E>> decide) {
    Invocation.current().command(type.name(), key, meta);
    AppendOutcome outcome;
    try {
      outcome = decideAndAppend(key, existence, meta, decide);
    } catch (CommandError e) {
      // Only on this failure path does a command id cost a read: a retry of a command that
      // succeeded may fail to decide again (a create finds its own instance).
      Optional<CommandRecord> first =
          meta.commandId() == null
              ? Optional.empty()
              : store.recorded(meta.commandId(), meta.now());
      outcome = new AppendOutcome.Duplicate(first.orElseThrow(() -> e));
    }
    // An if chain, not a pattern switch: the runtime compiles with release 17 (docs/runtime.md).
    if (outcome instanceof AppendOutcome.Appended appended) {
      return appended.result();
    }
    if (outcome instanceof AppendOutcome.Duplicate duplicate) {
      return duplicate.first().answer(meta.commandId());
    }
    throw new IllegalStateException("a conflict is retried, never answered");
  }

  /**
   * Decides and appends, deciding again after each conflict; a decision without events appends
   * nothing and answers the aggregate as it stands. The append is optimistic whether it starts the
   * instance or continues it (it expects the version loaded), so of two commands that both found no
   * instance one appends and the other decides again on the instance the first started.
   */
  private AppendOutcome decideAndAppend(
      String key, Existence existence, Metadata meta, Function<S, List<E>> decide) {
    for (int attempt = 1; ; attempt++) {
      Loaded<S> current = store.load(type, key);
      if (existence == Existence.NEW && current.exists()) {
        throw CommandError.alreadyExists(type.name(), key);
      }
      if (existence == Existence.EXISTING && !current.exists()) {
        throw CommandError.notFound(type.name(), key);
      }
      List<E> events = decide.apply(current.state());
      if (events.isEmpty()) {
        return new AppendOutcome.Appended(new CommandResult(key, current.version(), List.of()));
      }
      AppendOutcome outcome = store.append(type, current, events, meta);
      if (outcome instanceof AppendOutcome.Violation violation) {
        throw violation.claim().violation();
      }
      if (!(outcome instanceof AppendOutcome.Conflict)) {
        return outcome;
      }
      Invocation.current().conflict(attempt < ATTEMPTS);
      if (attempt == ATTEMPTS) {
        throw CommandError.conflict(type.name(), key);
      }
      backOff(attempt);
    }
  }

  private static void backOff(int attempt) {
    long bound = BACKOFF_MILLIS << (attempt - 1);
    try {
      // Seeded now, not at class initialization: Lambda environments restored from one SnapStart
      // snapshot must not share a random sequence, or their retries would collide again.
      Thread.sleep(new SplittableRandom(System.nanoTime()).nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a command", e);
    }
  }
}
