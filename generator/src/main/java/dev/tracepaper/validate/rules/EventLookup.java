package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventRef;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.model.ViewTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the events that policies and views react to ({@code Aggregate.Event}, or a bare {@code
 * Event} that exactly one aggregate defines), saying why when one does not resolve.
 */
final class EventLookup {

  private EventLookup() {}

  /** How a reference to an event resolved. */
  sealed interface Outcome {}

  record Found(Event event) implements Outcome {}

  /** {@code Aggregate.Event} where no aggregate has that name. */
  record NoAggregate(String aggregate) implements Outcome {}

  /** No such event: in the named aggregate, or (for a bare name) in any aggregate. */
  record NoEvent(Optional<Aggregate> aggregate) implements Outcome {}

  /** A bare name that several aggregates define. */
  record Ambiguous(List<Event> candidates) implements Outcome {}

  /** An event reference together with a description of what refers ("Policy `X` reacts to"). */
  record Use(EventRef ref, String subject) {}

  static Outcome resolve(ModelIndex index, EventRef ref) {
    if (ref.aggregate().isPresent()) {
      Optional<Aggregate> aggregate = index.aggregate(ref.aggregate().get());
      if (aggregate.isEmpty()) {
        return new NoAggregate(ref.aggregate().get());
      }
      return aggregate
          .flatMap(a -> a.event(ref.event()))
          .<Outcome>map(Found::new)
          .orElse(new NoEvent(aggregate));
    }
    List<Event> candidates = eventsNamed(index, ref.event());
    if (candidates.size() == 1) {
      return new Found(candidates.get(0));
    }
    return candidates.isEmpty() ? new NoEvent(Optional.empty()) : new Ambiguous(candidates);
  }

  /** The events of that name, one per aggregate (first definitions only). */
  static List<Event> eventsNamed(ModelIndex index, String name) {
    return index.eventsNamed(name);
  }

  /** Every {@code Aggregate.Event} of the model, for "did you mean". */
  static List<String> qualifiedNames(ModelIndex index) {
    List<String> names = new ArrayList<>();
    for (String aggregate : index.aggregateNames()) {
      index
          .aggregate(aggregate)
          .ifPresent(a -> a.events().forEach(e -> names.add(a.name() + "." + e.name())));
    }
    return names;
  }

  /**
   * Every reference to an event from a policy's or command's {@code on}, a view's {@code on}
   * handler, or an event given in a view's test.
   */
  static List<Use> uses(ModelIndex index) {
    List<Use> uses = new ArrayList<>();
    for (Policy policy : index.model().policies().toList()) {
      uses.add(new Use(policy.on(), "Policy `%s` reacts to".formatted(policy.name())));
    }
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Command command : aggregate.commands()) {
        for (Trigger trigger : command.triggers()) {
          uses.add(new Use(trigger.on(), "Command `%s` runs on".formatted(command.name())));
        }
      }
    }
    for (View view : index.model().views()) {
      for (ViewHandler handler : view.handlers()) {
        uses.add(new Use(handler.event(), "View `%s` handles".formatted(view.name())));
      }
      for (ViewTest test : view.tests()) {
        for (ViewTest.GivenEvent given : test.given()) {
          uses.add(
              new Use(
                  given.event(),
                  "Test `%s` of view `%s` gives".formatted(test.name(), view.name())));
        }
      }
    }
    for (dev.tracepaper.model.Automation automation : index.model().automations()) {
      if (automation.trigger() instanceof dev.tracepaper.model.Automation.OnEvent on) {
        uses.add(new Use(on.event(), "Automation `%s` runs on".formatted(automation.name())));
      }
    }
    return uses;
  }
}
