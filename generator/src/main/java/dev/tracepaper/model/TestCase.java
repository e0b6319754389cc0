package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A given/when/then case of a command or policy; {@code on} names the trigger of a command's case
 * that runs it from an event ({@code when} is then the event's fields) rather than through the API.
 * {@code others} are the states of other instances of the aggregate, whose {@code unique} values
 * the command finds taken. {@code at} is the moment the case runs ({@code now}), written in UTC;
 * absent, the moment the test runs. Values are kept as the YAML nodes written, so that a wrong
 * value can be pointed at.
 */
public record TestCase(
    String name,
    List<Given> given,
    List<MappingNode> others,
    Optional<MappingNode> when,
    Optional<EventRef> on,
    Optional<Caller> as,
    Optional<Located<String>> at,
    Then then,
    SourceLocation location) {

  public TestCase {
    given = List.copyOf(given);
    others = List.copyOf(others);
  }

  /** A past fact: an event of this aggregate, or a state to start from. */
  public sealed interface Given {
    SourceLocation location();
  }

  /**
   * {@code - BookRegistered: {…}}, or {@code - BookRegistered@1: {…}} for an event as an older
   * version of the model stored it ({@code version} present), which the test reads through the
   * event's upcasts.
   */
  public record GivenEvent(
      String event, Optional<Integer> version, MappingNode fields, SourceLocation location)
      implements Given {

    /** Splits {@code Name@N}; any other name is the event's name as written. */
    static GivenEvent of(String written, MappingNode fields, SourceLocation location) {
      int at = written.lastIndexOf('@');
      if (at > 0 && written.substring(at + 1).matches("[1-9][0-9]{0,8}")) {
        return new GivenEvent(
            written.substring(0, at),
            Optional.of(Integer.parseInt(written.substring(at + 1))),
            fields,
            location);
      }
      return new GivenEvent(written, Optional.empty(), fields, location);
    }
  }

  /** {@code - state: {…}} */
  public record GivenState(MappingNode state, SourceLocation location) implements Given {}

  /** {@code as: {id: …, name: …, roles: […]}} */
  public record Caller(
      Optional<Located<String>> id,
      Optional<Located<String>> name,
      List<Located<String>> roles,
      SourceLocation location) {
    public Caller {
      roles = List.copyOf(roles);
    }
  }

  /** An event the case expects, with the fields that must match. */
  public record ExpectedEvent(String event, MappingNode fields, SourceLocation location) {}

  /**
   * What the case expects: events (complete and in order), state fields, whether the instance is
   * deleted afterwards ({@code deleted: true}) or still exists ({@code deleted: false}), or an
   * error code.
   */
  /**
   * The key of the instance the case's past belongs to: the first value of {@code keyField} its
   * given events, given state or input name; empty when none does.
   */
  public String instanceKey(String keyField) {
    List<MappingNode> candidates = new java.util.ArrayList<>();
    for (Given g : given) {
      if (g instanceof GivenEvent e) {
        candidates.add(e.fields());
      } else if (g instanceof GivenState s) {
        candidates.add(s.state());
      }
    }
    when.ifPresent(candidates::add);
    return candidates.stream()
        .map(m -> m.get(keyField))
        .flatMap(Optional::stream)
        .filter(dev.tracepaper.source.ScalarNode.class::isInstance)
        .map(n -> ((dev.tracepaper.source.ScalarNode) n).value())
        .findFirst()
        .orElse("");
  }

  public record Then(
      Optional<List<ExpectedEvent>> events,
      Optional<MappingNode> state,
      Optional<Located<Boolean>> deleted,
      Optional<Located<String>> error,
      SourceLocation location) {

    public boolean isEmpty() {
      return events.isEmpty() && state.isEmpty() && deleted.isEmpty() && error.isEmpty();
    }
  }
}
