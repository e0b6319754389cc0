package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;

/** A test that expects nothing can never fail (spec: "A test with no expectation is an error"). */
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
  }
}
