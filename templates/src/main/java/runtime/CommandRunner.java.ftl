<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Runs one command against one aggregate: load, check existence, decide, append; on a lost race
 * reload and decide again (the other command may have changed what is allowed), at most {@value
 * #ATTEMPTS} times, then fail with {@code CONFLICT}.
 *
 * <p>Idempotency: with a command id, a second run with the same id answers the first result and
 * appends nothing, also when the second decision would fail (a {@code creates} command retried
 * after it succeeded would otherwise answer {@code ALREADY_EXISTS}).
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
   * @param creates whether the command starts the aggregate (it must not exist) or changes it (it
   *     must exist)
   * @param decide the command's flow: the events for the current state, or a {@link CommandError}
   */
  public CommandResult run(
      String key, boolean creates, Metadata meta, Function<S, List<E>> decide) {
    try {
      for (int attempt = 1; ; attempt++) {
        Loaded<S> current = store.load(type, key);
        if (creates && current.exists()) {
          throw CommandError.alreadyExists(type.name(), key);
        }
        if (!creates && !current.exists()) {
          throw CommandError.notFound(type.name(), key);
        }
        List<E> events = decide.apply(current.state());
        if (events.isEmpty()) {
          return new CommandResult(key, current.version(), List.of());
        }
        switch (store.append(type, current, events, meta)) {
          case AppendOutcome.Appended appended -> {
            return appended.result();
          }
          case AppendOutcome.Duplicate duplicate -> {
            return duplicate.first();
          }
          case AppendOutcome.Conflict conflict -> {
            if (attempt == ATTEMPTS) {
              throw CommandError.conflict(type.name(), key);
            }
            backOff(attempt);
          }
        }
      }
    } catch (CommandError e) {
      // Only on this failure path does a command id cost a read.
      Optional<CommandResult> first =
          meta.commandId() == null ? Optional.empty() : store.result(meta.commandId());
      return first.orElseThrow(() -> e);
    }
  }

  private static void backOff(int attempt) {
    long bound = BACKOFF_MILLIS << (attempt - 1);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a command", e);
    }
  }
}
