package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;
import java.util.Optional;

/**
 * A test's history ({@code given}) and its expected events are events of the flow's own aggregate:
 * an unknown name, or an event of another aggregate, cannot stand there.
 */
public final class UnknownTestEvent implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      for (TestCase.Given given : site.test().given()) {
        if (given instanceof TestCase.GivenEvent g) {
          check(site, g.event(), g.location(), "gives", model, report);
        }
      }
      for (TestCase.ExpectedEvent e : site.test().then().events().orElse(List.of())) {
        check(site, e.event(), e.location(), "expects", model, report);
      }
    }
  }

  private static void check(
      TestSite site,
      String event,
      SourceLocation where,
      String verb,
      ModelIndex model,
      Reporter report) {
    Aggregate own = site.flow().aggregate();
    if (own.event(event).isPresent()) {
      return;
    }
    Optional<Event> elsewhere =
        model.model().events().filter(e -> e.name().equals(event)).findFirst();
    if (elsewhere.isPresent()) {
      report.error(
          where,
          "%s %s `%s`, an event of aggregate `%s`, but a test of %s can only %s events of `%s`."
              .formatted(
                  site.phrase(),
                  verb,
                  event,
                  elsewhere.get().aggregate(),
                  site.flow().phrase(),
                  verb.equals("gives") ? "give" : "expect",
                  own.name()),
          "name an event of `%s`".formatted(own.name()),
          elsewhere.get().location());
      return;
    }
    List<String> names = own.events().stream().map(Event::name).toList();
    String guess = Suggestions.didYouMean(event, names);
    report.error(
        where,
        "%s %s `%s`, but aggregate `%s` has no such event."
            .formatted(site.phrase(), verb, event, own.name()),
        guess.isEmpty() ? "name an event of `%s`".formatted(own.name()) : guess);
  }
}
