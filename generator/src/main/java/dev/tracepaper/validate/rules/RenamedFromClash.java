package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A name in {@code renamedFrom} says which event stored events of that name read as: two events
 * claiming it, or an event of the model still called so, would make it ambiguous.
 */
public final class RenamedFromClash implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    List<Event> events = model.model().events().toList();
    Map<String, Event> claimed = new HashMap<>();
    for (Event event : events) {
      for (Located<String> old : event.renamedFrom()) {
        Optional<Event> current =
            events.stream().filter(e -> e.name().equals(old.value())).findFirst();
        if (current.isPresent()) {
          report.error(
              old.location(),
              current.get() == event
                  ? "Event `%s` names itself in `renamedFrom`.".formatted(event.name())
                  : "Event `%s` was `renamedFrom` `%s`, but the model still has an event `%s` (aggregate `%s`): stored events of that name would read as both."
                      .formatted(event.name(), old.value(), old.value(), current.get().aggregate()),
              current.get() == event
                  ? "remove `%s` from `renamedFrom`".formatted(old.value())
                  : "rename or retire the other event, or remove `%s` from `renamedFrom`"
                      .formatted(old.value()),
              current.get().location());
          continue;
        }
        Event first = claimed.putIfAbsent(old.value(), event);
        if (first != null && first != event) {
          report.error(
              old.location(),
              "Events `%s` and `%s` both name `%s` in `renamedFrom`: stored events of that name would read as both."
                  .formatted(first.name(), event.name(), old.value()),
              "keep `%s` in the `renamedFrom` of the event it became".formatted(old.value()),
              first.location());
        }
      }
    }
  }
}
