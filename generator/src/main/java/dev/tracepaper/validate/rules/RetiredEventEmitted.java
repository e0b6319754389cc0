package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;
import java.util.Optional;

/**
 * A {@code retired} event is still read and applied from the store, but nothing records it again: a
 * command or policy that emits it contradicts the retirement.
 */
public final class RetiredEventEmitted implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      for (Emit emit : site.flow().emits()) {
        Optional<Event> event = site.aggregate().event(emit.event()).filter(Event::isRetired);
        if (event.isPresent()) {
          report.error(
              emit.location(),
              "%s emits `%s`, which is retired: stored events of it are still read, but none is recorded any more."
                  .formatted(Phrases.capital(site.phrase()), emit.event()),
              "emit the event that replaced it, or remove `retired: true` from `%s`"
                  .formatted(emit.event()),
              event.get().retired().orElseThrow().location());
        }
      }
    }
  }
}
