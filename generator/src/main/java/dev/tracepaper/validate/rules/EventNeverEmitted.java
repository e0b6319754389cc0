package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** Only the flows of an aggregate emit its events: an event none of them emits never happens. */
public final class EventNeverEmitted implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      boolean emitsAnUnknownEvent =
          aggregate.flows().stream()
              .flatMap(f -> f.emits().stream())
              .anyMatch(e -> aggregate.event(e.event()).isEmpty());
      if (emitsAnUnknownEvent) {
        continue; // UnknownEvent reports the misspelt name; this event is likely the one meant.
      }
      for (Event event : aggregate.events()) {
        if (event.isRetired()) {
          continue; // never emitted on purpose; RetiredEventEmitted checks that it is not
        }
        boolean emitted =
            aggregate.flows().stream()
                .flatMap(f -> f.emits().stream())
                .map(Emit::event)
                .anyMatch(event.name()::equals);
        if (!emitted) {
          report.warning(
              event.location(),
              "Event `%s` of aggregate `%s` is never emitted: no command or policy of `%s` lists it"
                      .formatted(event.name(), aggregate.name(), aggregate.name())
                  + " in `emits`.",
              "add it to the `emits` of the command or policy that makes it happen, or remove it");
        }
      }
    }
  }
}
