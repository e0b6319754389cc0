package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A given/when/then case of a command or policy. Values are kept as the YAML nodes written, so that
 * a wrong value can be pointed at.
 */
public record TestCase(
    String name,
    List<Given> given,
    Optional<MappingNode> when,
    Optional<Caller> as,
    Then then,
    SourceLocation location) {

  public TestCase {
    given = List.copyOf(given);
  }

  /** A past fact: an event of this aggregate, or a state to start from. */
  public sealed interface Given {
    SourceLocation location();
  }

  /** {@code - BookRegistered: {…}} */
  public record GivenEvent(String event, MappingNode fields, SourceLocation location)
      implements Given {}

  /** {@code - state: {…}} */
  public record GivenState(MappingNode state, SourceLocation location) implements Given {}

  /** {@code as: {name: …, roles: […]}} */
  public record Caller(
      Optional<Located<String>> name, List<Located<String>> roles, SourceLocation location) {
    public Caller {
      roles = List.copyOf(roles);
    }
  }

  /** An event the case expects, with the fields that must match. */
  public record ExpectedEvent(String event, MappingNode fields, SourceLocation location) {}

  /** What the case expects: events (complete and in order), state fields, or an error code. */
  public record Then(
      Optional<List<ExpectedEvent>> events,
      Optional<MappingNode> state,
      Optional<Located<String>> error,
      SourceLocation location) {

    public boolean isEmpty() {
      return events.isEmpty() && state.isEmpty() && error.isEmpty();
    }
  }
}
