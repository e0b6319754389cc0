package dev.tracepaper.diff;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each event of the baseline with what reads its stored events in the new model: the event of the
 * same name in the same aggregate, or the one that names it in {@code renamedFrom}.
 */
public final class EventPairs {

  private EventPairs() {}

  /** A baseline event and its successor; {@code renamedAt} is set when found by renamedFrom. */
  public record Pair(Event old, Event current, Optional<Located<String>> renamedAt) {}

  /** The pairs of every aggregate both models have. */
  public static List<Pair> of(ModelChange change) {
    Map<String, Aggregate> current = Elements.aggregates(change.newModel());
    List<Pair> pairs = new ArrayList<>();
    for (Aggregate oldAggregate : change.oldModel().aggregates()) {
      Aggregate now = current.get(oldAggregate.name());
      if (now != null) {
        oldAggregate.events().forEach(old -> successor(now, old).ifPresent(pairs::add));
      }
    }
    return pairs;
  }

  /** What reads the stored events of {@code old} in {@code aggregate}, if anything does. */
  public static Optional<Pair> successor(Aggregate aggregate, Event old) {
    Optional<Event> same = aggregate.event(old.name());
    if (same.isPresent()) {
      return Optional.of(new Pair(old, same.get(), Optional.empty()));
    }
    for (Event e : aggregate.events()) {
      for (Located<String> from : e.renamedFrom()) {
        if (from.value().equals(old.name())) {
          return Optional.of(new Pair(old, e, Optional.of(from)));
        }
      }
    }
    return Optional.empty();
  }
}
