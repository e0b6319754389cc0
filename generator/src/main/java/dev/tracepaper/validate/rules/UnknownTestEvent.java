package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import dev.tracepaper.validate.rules.shape.ViewTestSite;
import java.util.List;
import java.util.Optional;

/**
 * A test's history ({@code given}) and its expected events are events of the flow's own aggregate:
 * an unknown name, or an event of another aggregate, cannot stand there. A given event of an older
 * version ({@code Name@N}) names a version the event declares, under its name or one it was {@code
 * renamedFrom}; an old name alone does not say which version stored it. A {@code from} view's test
 * gives events of the view's aggregate, the only ones that change its rows.
 */
public final class UnknownTestEvent implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      for (TestCase.Given given : site.test().given()) {
        if (given instanceof TestCase.GivenEvent g && g.version().isPresent()) {
          olderVersion(site, g, g.version().get(), report);
        } else if (given instanceof TestCase.GivenEvent g && !renamed(site, g, report)) {
          check(site, g.event(), g.location(), "gives", model, report);
        }
      }
      for (TestCase.ExpectedEvent e : site.test().then().events().orElse(List.of())) {
        check(site, e.event(), e.location(), "expects", model, report);
      }
    }
    for (ViewTestSite site : ViewTestSite.all(model)) {
      Optional<Aggregate> source = site.source(model);
      for (ViewTest.GivenEvent given : site.test().given()) {
        Optional<Event> event = model.event(given.event());
        if (source.isPresent()
            && event.isPresent()
            && !event.get().aggregate().equals(source.get().name())) {
          report.error(
              given.location(),
              "%s gives `%s`, an event of aggregate `%s`, but the view follows `%s` (`from: %s`)."
                  .formatted(
                      site.phrase(),
                      given.event(),
                      event.get().aggregate(),
                      source.get().name(),
                      source.get().name()),
              "give events of `%s`: its state is what the view's rows hold"
                  .formatted(source.get().name()),
              event.get().location());
        }
      }
    }
  }

  /** {@code - Name@N}: a version the event declares, under its name or one it was renamed from. */
  private static void olderVersion(
      TestSite site, TestCase.GivenEvent given, int version, Reporter report) {
    Aggregate own = site.flow().aggregate();
    Optional<Event> event = TestSite.storedAs(own, given.event());
    String written = given.event() + "@" + version;
    if (event.isEmpty()) {
      List<String> names = own.events().stream().flatMap(e -> e.storedNames().stream()).toList();
      String guess = Suggestions.didYouMean(given.event(), names);
      report.error(
          given.location(),
          "%s gives `%s`, but aggregate `%s` has no event stored as `%s`."
              .formatted(site.phrase(), written, own.name(), given.event()),
          guess.isEmpty()
              ? "name an event of `%s`, or a name in its `renamedFrom`".formatted(own.name())
              : guess);
      return;
    }
    Event e = event.get();
    if (e.fieldsOfVersion(version).isEmpty()) {
      List<String> known = new java.util.ArrayList<>();
      e.versions().forEach(v -> known.add(Integer.toString(v.version())));
      known.add(Integer.toString(e.currentVersion()));
      report.error(
          given.location(),
          "%s gives `%s`, but event `%s` has no version %d: its versions are %s."
              .formatted(site.phrase(), written, e.name(), version, String.join(", ", known)),
          version > e.currentVersion()
              ? "the model writes version %d; give an older or the current one"
                  .formatted(e.currentVersion())
              : "declare version %d under `versions` of `%s`, or give another version"
                  .formatted(version, e.name()),
          e.location());
    }
  }

  /** {@code - LoanStarted:} of an event renamed since: which version it was stored with is open. */
  private static boolean renamed(TestSite site, TestCase.GivenEvent given, Reporter report) {
    Aggregate own = site.flow().aggregate();
    Optional<Event> renamed =
        own.event(given.event()).isPresent()
            ? Optional.empty()
            : TestSite.storedAs(own, given.event());
    renamed.ifPresent(
        e ->
            report.error(
                given.location(),
                "%s gives `%s`, the name event `%s` was stored under before, without the version it was stored with."
                    .formatted(site.phrase(), given.event(), e.name()),
                "write `%s@<version>` (e.g. `%s@1`), or the current name `%s`"
                    .formatted(given.event(), given.event(), e.name())));
    return renamed.isPresent();
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
