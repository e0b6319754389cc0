package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Emit;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;

/**
 * A flow that succeeds emits exactly the events of its {@code emits}, in order, and a test's {@code
 * then.events} is complete and in order: the two lists must name the same events.
 */
public final class ExpectedEventsDiffer implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      List<TestCase.ExpectedEvent> expected = site.test().then().events().orElse(List.of());
      if (site.test().then().events().isEmpty() || site.test().then().error().isPresent()) {
        continue;
      }
      var aggregate = site.flow().aggregate();
      List<String> emitted = site.flow().flow().emits().stream().map(Emit::event).toList();
      List<String> named = expected.stream().map(TestCase.ExpectedEvent::event).toList();
      boolean allKnown =
          emitted.stream().allMatch(e -> aggregate.event(e).isPresent())
              && named.stream().allMatch(e -> aggregate.event(e).isPresent());
      if (!allKnown || emitted.equals(named)) {
        continue;
      }
      report.error(
          expected.isEmpty() ? site.test().then().location() : expected.get(0).location(),
          "%s expects %s, but %s emits %s."
              .formatted(
                  site.phrase(),
                  named.isEmpty() ? "no event" : Phrases.names(named),
                  site.flow().phrase(),
                  emitted.isEmpty() ? "no event" : Phrases.names(emitted)),
          "expect the events the %s emits, all of them and in that order"
              .formatted(site.flow().isCommand() ? "command" : "policy"));
    }
  }
}
