package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;

/** A flow that fails emits nothing: a test cannot expect both an error and events. */
public final class ContradictoryExpectation implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      TestCase.Then then = site.test().then();
      List<TestCase.ExpectedEvent> events = then.events().orElse(List.of());
      if (then.error().isPresent() && !events.isEmpty()) {
        report.error(
            then.error().get().location(),
            "%s expects the error `%s` and also events, but a flow that fails emits nothing."
                .formatted(site.phrase(), then.error().get().value()),
            "split it into two tests: one that fails, one that succeeds",
            events.get(0).location());
      }
    }
  }
}
