package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A case of a view ({@code tests:} of a view): events in order, then the rows the view holds.
 * Values are kept as the YAML nodes written, so that a wrong value can be pointed at.
 *
 * @param rows the rows expected, complete; empty when the case has no {@code then.rows}
 */
public record ViewTest(
    String name,
    List<GivenEvent> given,
    Optional<List<MappingNode>> rows,
    SourceLocation thenLocation,
    SourceLocation location) {

  public ViewTest {
    given = List.copyOf(given);
    rows = rows.map(List::copyOf);
  }

  /** The instance of an aggregate that the case's first events of it belong to, unless named. */
  public static final String DEFAULT_KEY = "test-instance";

  /**
   * The instance each given event belongs to, in order: the one its aggregate's key field names in
   * the event, else the instance of the same aggregate given before it, else {@link #DEFAULT_KEY}.
   * The generated projection tests and {@code tracepaper test} store the events so.
   *
   * @param aggregateOf the aggregate of a given event
   */
  public List<String> instanceKeys(java.util.function.Function<GivenEvent, Aggregate> aggregateOf) {
    java.util.Map<String, String> last = new java.util.HashMap<>();
    List<String> keys = new java.util.ArrayList<>();
    for (GivenEvent g : given) {
      Aggregate aggregate = aggregateOf.apply(g);
      String key =
          aggregate
              .key()
              .map(Located::value)
              .flatMap(k -> g.fields().get(k))
              .filter(dev.tracepaper.source.ScalarNode.class::isInstance)
              .map(n -> ((dev.tracepaper.source.ScalarNode) n).value())
              .orElseGet(() -> last.getOrDefault(aggregate.name(), DEFAULT_KEY));
      last.put(aggregate.name(), key);
      keys.add(key);
    }
    return keys;
  }

  /** {@code - Aggregate.Event: {…}}, or a bare {@code Event} that one aggregate defines. */
  public record GivenEvent(EventRef event, MappingNode fields, SourceLocation location) {}
}
