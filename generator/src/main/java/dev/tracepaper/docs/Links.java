package dev.tracepaper.docs;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What reacts to each aggregate's events, found once per model: every page asks about its own
 * aggregate, and asking the whole model each time made the site's time grow with the square of the
 * model's size.
 */
final class Links {

  /** A policy or (else) a command of {@code owner} that {@code event} starts. */
  record Reaction(Aggregate owner, Policy policy, Command command, Event event) {}

  /**
   * A view that reads an aggregate: kept {@code from} its state ({@code event} null), or fed by an
   * event.
   */
  record Reader(View view, Event event) {}

  private final Map<String, List<Reaction>> reactions = new HashMap<>();
  private final Map<String, List<Reader>> readers = new HashMap<>();

  private Links(ModelIndex index) {
    for (String name : index.aggregateNames()) {
      Aggregate owner = index.aggregate(name).orElseThrow();
      for (Policy policy : owner.policies()) {
        index
            .event(policy.on())
            .ifPresent(e -> add(reactions, e, new Reaction(owner, policy, null, e)));
      }
      for (Command command : owner.commands()) {
        for (Trigger trigger : command.triggers()) {
          index
              .event(trigger.on())
              .ifPresent(e -> add(reactions, e, new Reaction(owner, null, command, e)));
        }
      }
    }
    for (String name : index.viewNames()) {
      View view = index.view(name).orElseThrow();
      view.from()
          .ifPresent(
              f ->
                  readers
                      .computeIfAbsent(f.value(), k -> new ArrayList<>())
                      .add(new Reader(view, null)));
      for (ViewHandler handler : view.handlers()) {
        index.event(handler.event()).ifPresent(e -> add(readers, e, new Reader(view, e)));
      }
    }
  }

  static Links of(ModelIndex index) {
    return index.derived(Links.class, Links::new);
  }

  private static <T> void add(Map<String, List<T>> map, Event event, T value) {
    map.computeIfAbsent(event.aggregate(), k -> new ArrayList<>()).add(value);
  }

  /** The policies and commands that the events of {@code aggregate} start, in model order. */
  List<Reaction> reactionsTo(String aggregate) {
    return reactions.getOrDefault(aggregate, List.of());
  }

  /** The views that read {@code aggregate}, by its state or its events, in model order. */
  List<Reader> readersOf(String aggregate) {
    return readers.getOrDefault(aggregate, List.of());
  }
}
