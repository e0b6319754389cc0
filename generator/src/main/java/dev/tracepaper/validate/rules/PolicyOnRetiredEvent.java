package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/**
 * A policy triggered by a {@code retired} event only ever reacts to deliveries still in flight from
 * before the retirement (the bus retries for up to an hour): right for one deployment, so that none
 * of them is lost, dead code after. Views on a retired event are not reported: a rebuild replays
 * the stored events, so they are still needed.
 */
public final class PolicyOnRetiredEvent implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      for (Policy policy : aggregate.policies()) {
        Optional<Event> trigger = model.event(policy.on()).filter(Event::isRetired);
        trigger.ifPresent(
            e ->
                report.note(
                    policy.location(),
                    "Policy `%s` is triggered by `%s`, which is retired: it only reacts to events of it still being delivered from before the retirement."
                        .formatted(policy.name(), e.name()),
                    "keep it for the deployment that retires `%s`, then remove it"
                        .formatted(e.name()),
                    e.retired().orElseThrow().location()));
      }
    }
  }
}
