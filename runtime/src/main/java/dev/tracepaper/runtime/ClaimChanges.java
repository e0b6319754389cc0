package dev.tracepaper.runtime;

import dev.tracepaper.runtime.UniqueConstraint.Claim;
import java.util.ArrayList;
import java.util.List;

/**
 * What an append does to the instance's unique claims: the values it takes and those it lets go.
 * Shared by every {@link EventStore} so that both follow one set of rules.
 *
 * <p>A claim is taken when the state after the events holds a value the state before did not, and
 * released when the value changes or the instance ends. An aggregate whose events expire ({@link
 * AggregateType#retentionDays()}) takes all its claims again on every append, so that each claim
 * expires with the instance's newest event and not with the one that first took it.
 *
 * @param take the claims to put, on condition that no other instance holds them
 * @param release the claims to delete, where this instance holds them
 *     <p>Public for the in-memory store of the testing artifact only; not part of the runtime's API
 *     (docs/runtime.md).
 */
public record ClaimChanges(List<Claim> take, List<Claim> release) {

  public ClaimChanges {
    take = List.copyOf(take);
    release = List.copyOf(release);
  }

  public static <S> ClaimChanges of(AggregateType<S, ?> type, Loaded<S> before, Loaded<S> after) {
    List<Claim> held = before.exists() ? type.claims(before.state()) : List.of();
    List<Claim> wanted = after.exists() ? type.claims(after.state()) : List.of();
    if (held.isEmpty() && wanted.isEmpty()) {
      return new ClaimChanges(List.of(), List.of());
    }
    List<Claim> take = new ArrayList<>(wanted);
    if (type.retentionDays() == 0) {
      take.removeAll(held);
    }
    List<Claim> release = new ArrayList<>(held);
    release.removeAll(wanted);
    return new ClaimChanges(take, release);
  }

  public boolean isEmpty() {
    return take.isEmpty() && release.isEmpty();
  }
}
