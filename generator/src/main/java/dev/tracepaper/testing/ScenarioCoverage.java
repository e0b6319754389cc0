package dev.tracepaper.testing;

import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What the scenarios covered, over all of them, as the generated {@code ScenariosTest} counts it:
 * the events recorded (by commands and what followed them alike) against the model's events that
 * are not retired, and the views queried against all views.
 */
final class ScenarioCoverage {

  private final ModelIndex index;
  private final Set<String> events = new TreeSet<>();
  private final Set<String> views = new TreeSet<>();

  ScenarioCoverage(ModelIndex index) {
    this.index = index;
  }

  void recorded(List<StoredEvent> stored) {
    stored.forEach(e -> events.add(e.aggregate() + "." + e.type()));
  }

  void queried(View view) {
    views.add(view.name());
  }

  /** "Scenario coverage: events 6/19 (31%, minimum 30%); views 3/4 (75%, minimum 75%)" */
  String line() {
    return "Scenario coverage: "
        + share("events", allEvents(), events, minimum(Scenario.Coverage::events))
        + "; "
        + share("views", allViews(), views, minimum(Scenario.Coverage::views));
  }

  /**
   * The coverage as a test of the model when {@code app.scenarioCoverage} sets a minimum above 0:
   * failed below a minimum, naming what no scenario recorded or queried.
   */
  Optional<TestResult> asTest() {
    Optional<Scenario.Coverage> coverage = index.model().app().flatMap(a -> a.scenarioCoverage());
    long minEvents = minimum(Scenario.Coverage::events);
    long minViews = minimum(Scenario.Coverage::views);
    if (coverage.isEmpty() || minEvents == 0 && minViews == 0) {
      return Optional.empty();
    }
    List<TestResult.Mismatch> mismatches = new ArrayList<>();
    check(
        "the events the scenarios record",
        allEvents(),
        events,
        minEvents,
        coverage.get(),
        mismatches);
    check("the views the scenarios query", allViews(), views, minViews, coverage.get(), mismatches);
    return Optional.of(
        new TestResult(
            "scenarios",
            "coverage (app.scenarioCoverage)",
            coverage.get().location(),
            mismatches.isEmpty() ? TestResult.Status.PASSED : TestResult.Status.FAILED,
            mismatches,
            0));
  }

  private static void check(
      String subject,
      List<String> all,
      Set<String> covered,
      long minimum,
      Scenario.Coverage coverage,
      List<TestResult.Mismatch> mismatches) {
    List<String> missed = all.stream().filter(e -> !covered.contains(e)).toList();
    // covered/all < minimum/100, in integers.
    if ((all.size() - missed.size()) * 100L < minimum * all.size()) {
      mismatches.add(
          new TestResult.Mismatch(
              subject,
              "at least " + minimum + "%",
              "%d/%d (%d%%); not covered: %s"
                  .formatted(
                      all.size() - missed.size(),
                      all.size(),
                      percent(all.size() - missed.size(), all.size()),
                      String.join(", ", missed)),
              coverage.location()));
    }
  }

  private List<String> allEvents() {
    return index
        .model()
        .events()
        .filter(e -> !e.isRetired())
        .map(e -> e.aggregate() + "." + e.name())
        .toList();
  }

  private List<String> allViews() {
    return index.model().views().stream().map(View::name).toList();
  }

  private long minimum(Function<Scenario.Coverage, Optional<Located<Long>>> which) {
    return index
        .model()
        .app()
        .flatMap(a -> a.scenarioCoverage())
        .flatMap(which)
        .map(Located::value)
        .orElse(0L);
  }

  private static String share(String what, List<String> all, Set<String> covered, long minimum) {
    long count = all.stream().filter(covered::contains).count();
    return "%s %d/%d (%d%%, minimum %d%%)"
        .formatted(what, count, all.size(), percent(count, all.size()), minimum);
  }

  /** Rounded down, so that a share shown as the minimum is at least the minimum. */
  private static long percent(long covered, long all) {
    return all == 0 ? 100 : covered * 100 / all;
  }
}
