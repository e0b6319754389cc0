package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import dev.tracepaper.validate.rules.shape.ViewTestSite;

/**
 * A test that expects nothing can never fail (spec: "A test with no expectation is an error"); a
 * view's test expects its rows ({@code then.rows}, possibly none).
 */
public final class TestWithoutExpectation implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      if (site.test().then().isEmpty()) {
        report.error(
            site.test().then().location(),
            "%s expects nothing, so it can never fail.".formatted(site.phrase()),
            "add `then:` with the expected `events`, `state`, `deleted` or `error`");
      }
    }
    for (ViewTestSite site : ViewTestSite.all(model)) {
      if (site.test().rows().isEmpty()) {
        report.error(
            site.test().thenLocation(),
            "%s expects nothing, so it can never fail.".formatted(site.phrase()),
            "add `then: {rows: [...]}` with every row the view holds afterwards (`rows: []` for none)");
      }
    }
  }
}
