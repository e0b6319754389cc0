<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

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
   * command's result under {@code meta.commandId()} when there is one.
   */
  <S, E> AppendOutcome append(
      AggregateType<S, E> type, Loaded<S> current, List<E> events, Metadata meta);

  /** The result recorded for {@code commandId}, if a command with that id appended events. */
  Optional<CommandResult> result(String commandId);

  /** Every stored event of the aggregate, oldest first (for tests and for rebuilding views). */
  List<StoredEvent> history(AggregateType<?, ?> type, String key);
}
