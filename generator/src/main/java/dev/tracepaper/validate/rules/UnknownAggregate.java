package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * A policy or view reacts to {@code Aggregate.Event} of an aggregate that does not exist, or a view
 * is kept {@code from} one.
 */
public final class UnknownAggregate implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (EventLookup.Use use : EventLookup.uses(index)) {
      if (EventLookup.resolve(index, use.ref()) instanceof EventLookup.NoAggregate missing) {
        report.error(
            use.ref().location(),
            "%s `%s`, but there is no aggregate `%s`."
                .formatted(use.subject(), use.ref(), missing.aggregate()),
            eventElsewhere(index, use.ref().event()).orElse(hint(index, missing.aggregate())));
      }
    }
    for (View view : index.model().views()) {
      if (view.from().isPresent() && index.aggregate(view.from().get().value()).isEmpty()) {
        Located<String> from = view.from().get();
        report.error(
            from.location(),
            "View `%s` is kept from `%s`, but there is no aggregate `%s`."
                .formatted(view.name(), from.value(), from.value()),
            hint(index, from.value()));
      }
    }
  }

  /** "did you mean `Payment.PaymentRequested`?" when exactly one aggregate has the event. */
  private static Optional<String> eventElsewhere(ModelIndex index, String event) {
    List<Event> events = EventLookup.eventsNamed(index, event);
    return events.size() == 1
        ? Optional.of("did you mean `%s.%s`?".formatted(events.get(0).aggregate(), event))
        : Optional.empty();
  }

  private static String hint(ModelIndex index, String name) {
    String hint = Suggestions.didYouMean(name, index.aggregateNames());
    if (!hint.isEmpty()) {
      return hint;
    }
    return index.aggregateNames().isEmpty()
        ? "define the aggregate under `aggregates:`"
        : "the aggregates are " + Words.quotedList(index.aggregateNames().stream().toList());
  }
}
