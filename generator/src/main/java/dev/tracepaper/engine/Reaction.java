package dev.tracepaper.engine;

/**
 * What a delivered event caused: the flow it ran ({@code policy WithdrawWhenLost}, {@code command
 * CreateWorkspace} for a command's {@code on}) and that flow's outcome.
 */
public record Reaction(StoredEvent cause, String flow, Outcome outcome) {}
