package dev.tracepaper.runtime;

/** What became of an {@link EventStore#append append}. */
public sealed interface AppendOutcome {

  /** The events are stored; {@code result} is what the command answers. */
  record Appended(CommandResult result) implements AppendOutcome {}

  /**
   * The command id was used before (and is still remembered): nothing was appended; {@code first}
   * is what the first command recorded.
   */
  record Duplicate(CommandRecord first) implements AppendOutcome {}

  /** Another command appended to the aggregate since it was loaded: nothing was appended. */
  record Conflict() implements AppendOutcome {}

  /**
   * Another instance holds a value of a {@code unique} constraint that the events would give this
   * one: nothing was appended. Final, unlike a conflict: deciding again would take the same value.
   */
  record Violation(UniqueConstraint.Claim claim) implements AppendOutcome {}
}
