package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A test case of a view, and the mappings of field values it holds. */
public record ViewTestSite(View view, ViewTest test) {

  public static List<ViewTestSite> all(ModelIndex index) {
    List<ViewTestSite> sites = new ArrayList<>();
    for (View view : index.model().views()) {
      view.tests().forEach(t -> sites.add(new ViewTestSite(view, t)));
    }
    return sites;
  }

  /** "Test `a cancelled visit leaves` of view `Schedule`" */
  public String phrase() {
    return "Test `%s` of %s".formatted(test.name(), Phrases.view(view));
  }

  /** The aggregate a {@code from} view follows, when it names one that exists. */
  public Optional<Aggregate> source(ModelIndex index) {
    return view.from().flatMap(f -> index.aggregate(f.value()));
  }

  /** The given events that resolve, and the expected rows, with the fields they fill. */
  public List<TestSite.Values> values(ModelIndex index) {
    List<TestSite.Values> all = new ArrayList<>();
    for (ViewTest.GivenEvent given : test.given()) {
      index
          .event(given.event())
          .ifPresent(
              e ->
                  all.add(
                      new TestSite.Values(
                          given.fields(),
                          e.fields(),
                          Phrases.event(e),
                          TestSite.Part.GIVEN_EVENT,
                          e.name(),
                          index.aggregate(e.aggregate()))));
    }
    for (var row : test.rows().orElse(List.of())) {
      all.add(
          new TestSite.Values(
              row,
              stored(),
              Phrases.view(view),
              TestSite.Part.THEN_ROW,
              view.name(),
              source(index)));
    }
    return all;
  }

  /** The fields a row holds: a relation to another view is resolved when read, never stored. */
  public List<Field> stored() {
    return view.fields().stream()
        .filter(f -> f.constraints().ref().isEmpty() && f.constraints().by().isEmpty())
        .toList();
  }
}
