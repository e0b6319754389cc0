package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;

/**
 * A flow that fails emits nothing and changes nothing: a test cannot expect both an error and
 * events, nor an error and whether the instance is deleted afterwards.
 */
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
      if (then.error().isPresent() && then.deleted().isPresent()) {
        report.error(
            then.deleted().get().location(),
            "%s expects the error `%s` and also `deleted: %s`, but a flow that fails changes nothing."
                .formatted(site.phrase(), then.error().get().value(), then.deleted().get().value()),
            "remove `deleted` from this test; a test that succeeds can say whether the instance is"
                + " deleted",
            then.error().get().location());
      }
    }
  }
}
