package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;

/** A policy or view names a bare event that more than one aggregate defines. */
public final class AmbiguousEvent implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (EventLookup.Use use : EventLookup.uses(index)) {
      if (EventLookup.resolve(index, use.ref()) instanceof EventLookup.Ambiguous ambiguous) {
        List<Event> candidates = ambiguous.candidates();
        List<String> qualified =
            candidates.stream().map(e -> e.aggregate() + "." + e.name()).toList();
        report.error(
            use.ref().location(),
            "%s `%s`, but aggregates %s each define an event of that name."
                .formatted(
                    use.subject(),
                    use.ref(),
                    Words.quotedList(candidates.stream().map(Event::aggregate).toList())),
            "name the aggregate too: " + Words.quotedList(qualified, "or"),
            candidates.stream().map(Event::location).toArray(SourceLocation[]::new));
      }
    }
  }
}
