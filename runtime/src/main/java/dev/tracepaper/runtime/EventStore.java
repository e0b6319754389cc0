package dev.tracepaper.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores each aggregate as its sequence of events. Appends are atomic and optimistic: they succeed
 * only if nobody appended since the aggregate was loaded. Implementations: {@link
 * DynamoDbEventStore}, and {@code InMemoryEventStore} in the tests.
 */
public interface EventStore {

  /** The aggregate's current state; an aggregate that never had events has version 0. */
  <S, E> Loaded<S> load(AggregateType<S, E> type, String key);

  /**
   * Appends {@code events} (at least one) after {@code current}, all or none, recording the
   * command's result under {@code meta.commandId()} when there is one, for {@link
   * CommandId#LIFETIME} from {@code meta.now()}. A record of that id still alive at {@code
   * meta.now()} makes it a {@link AppendOutcome.Duplicate} that appends nothing.
   */
  <S, E> AppendOutcome append(
      AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta);

  /**
   * What a command with {@code commandId} recorded when it appended events, if that record is still
   * alive at {@code now}.
   */
  Optional<CommandRecord> recorded(CommandId commandId, Instant now);

  /** Every stored event of the aggregate, oldest first (for tests and for rebuilding views). */
  List<StoredEvent> history(AggregateType<?, ?> type, String key);

  /**
   * The stored events of the aggregate up to {@code toVersion}, oldest first: what a {@code from}
   * view's state is folded from when the state stored on an event is stale.
   */
  default List<StoredEvent> history(AggregateType<?, ?> type, String key, long toVersion) {
    return history(type, key).stream().filter(event -> event.version() <= toVersion).toList();
  }
}
