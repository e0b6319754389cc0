package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventRef;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * An event named by a command's or policy's {@code emits}, a policy's {@code on} or a view's {@code
 * on} handler does not exist where it is looked for. A flow emits only events of its own aggregate.
 */
public final class UnknownEvent implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Flow flow : aggregate.flows()) {
        for (Emit emit : flow.emits()) {
          if (aggregate.event(emit.event()).isEmpty()) {
            emitted(index, aggregate, flow, emit, report);
          }
        }
      }
    }
    for (EventLookup.Use use : EventLookup.uses(index)) {
      if (EventLookup.resolve(index, use.ref()) instanceof EventLookup.NoEvent missing) {
        reactedTo(index, use, missing.aggregate(), report);
      }
    }
  }

  private static void emitted(
      ModelIndex index, Aggregate aggregate, Flow flow, Emit emit, Reporter report) {
    String subject = "%s emits `%s`".formatted(Words.capital(Words.describe(flow)), emit.event());
    List<Event> elsewhere = EventLookup.eventsNamed(index, emit.event());
    if (!elsewhere.isEmpty()) {
      String other = elsewhere.get(0).aggregate();
      report.error(
          emit.location(),
          "%s, an event of aggregate `%s`; a %s can only emit events of its own aggregate `%s`."
              .formatted(subject, other, Words.kind(flow), aggregate.name()),
          "emit an event of `%s` here, and let a policy of `%s` react to it"
              .formatted(aggregate.name(), other),
          elsewhere.get(0).location());
      return;
    }
    String hint =
        Suggestions.didYouMean(emit.event(), aggregate.events().stream().map(Event::name).toList());
    report.error(
        emit.location(),
        "%s, but aggregate `%s` has no such event.".formatted(subject, aggregate.name()),
        hint.isEmpty() ? defineHint(emit.event(), aggregate.name()) : hint);
  }

  private static void reactedTo(
      ModelIndex index, EventLookup.Use use, Optional<Aggregate> aggregate, Reporter report) {
    EventRef ref = use.ref();
    if (aggregate.isPresent()) {
      Aggregate a = aggregate.get();
      report.error(
          ref.location(),
          "%s `%s`, but aggregate `%s` has no such event.".formatted(use.subject(), ref, a.name()),
          qualifiedHint(index, ref, a));
      return;
    }
    String hint =
        Suggestions.didYouMean(
            ref.event(), index.model().events().map(Event::name).distinct().toList());
    report.error(
        ref.location(),
        "%s `%s`, but no aggregate has such an event.".formatted(use.subject(), ref),
        hint.isEmpty() ? "define the event under `events:` of an aggregate" : hint);
  }

  /** Prefers a close event of the named aggregate, then the same event in another aggregate. */
  private static String qualifiedHint(ModelIndex index, EventRef ref, Aggregate aggregate) {
    Optional<String> close =
        Suggestions.closest(ref.event(), aggregate.events().stream().map(Event::name).toList());
    if (close.isPresent()) {
      return "did you mean `%s.%s`?".formatted(aggregate.name(), close.get());
    }
    List<Event> elsewhere = EventLookup.eventsNamed(index, ref.event());
    if (!elsewhere.isEmpty()) {
      return "did you mean `%s.%s`?".formatted(elsewhere.get(0).aggregate(), ref.event());
    }
    return defineHint(ref.event(), aggregate.name());
  }

  private static String defineHint(String event, String aggregate) {
    return "define `%s` under `events:` of aggregate `%s`".formatted(event, aggregate);
  }
}
