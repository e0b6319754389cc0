package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;

/**
 * State changes only through events; a command or policy that emits none changes nothing and tells
 * no view or policy anything. It may be meant as a check, so this is a warning. A {@code custom:
 * true} flow is left alone: its hand-written code decides the events, starting from none.
 */
public final class EmitsNothing implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      if (site.flow().emits().isEmpty() && !site.flow().custom()) {
        report.warning(
            site.flow().location(),
            "%s emits no event, so it never changes `%s` and nothing can react to it."
                .formatted(Phrases.capital(site.phrase()), site.aggregate().name()),
            "add `emits:` with the event that records what happened");
      }
    }
  }
}
