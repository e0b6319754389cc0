package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;

/** Every command and policy should have a test (spec: one without is a warning). */
public final class MissingTest implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      if (site.flow().tests().isEmpty()) {
        report.warning(
            site.flow().location(),
            "%s has no test.".formatted(Phrases.capital(site.phrase())),
            "add `tests:` with a case such as `- name: ..., when: {...}, then: {events: [...]}`");
      }
    }
  }
}
