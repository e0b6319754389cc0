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

  /** {@code - Aggregate.Event: {…}}, or a bare {@code Event} that one aggregate defines. */
  public record GivenEvent(EventRef event, MappingNode fields, SourceLocation location) {}
}
