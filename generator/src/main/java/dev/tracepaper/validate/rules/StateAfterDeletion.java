package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import java.util.List;
import java.util.Optional;

/**
 * A test that expects an event ending the instance ({@code deleted: true} in its {@code apply}), or
 * expects the instance deleted ({@code then.deleted: true}), cannot also expect state: afterwards
 * there is none.
 */
public final class StateAfterDeletion implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      for (TestCase test : site.flow().tests()) {
        if (test.then().state().isEmpty()) {
          continue;
        }
        List<TestCase.ExpectedEvent> events = test.then().events().orElse(List.of());
        Optional<TestCase.ExpectedEvent> ending =
            events.stream()
                .filter(
                    e -> site.aggregate().event(e.event()).filter(Event::endsInstance).isPresent())
                .findFirst();
        if (ending.isEmpty()) {
          test.then()
              .deleted()
              .filter(d -> d.value())
              .ifPresent(
                  d ->
                      report.error(
                          test.then().state().get().location(),
                          "Test `%s` of %s expects state, but also `deleted: true`: a deleted"
                                  .formatted(test.name(), site.phrase())
                              + " instance has no state.",
                          "remove `state` from `then`, or `deleted: true` if the instance goes on",
                          d.location()));
        }
        ending.ifPresent(
            e ->
                report.error(
                    test.then().state().get().location(),
                    "Test `%s` of %s expects state, but also expects `%s`, which ends the instance"
                            .formatted(test.name(), site.phrase(), e.event())
                        + " (`deleted: true`): afterwards there is no state.",
                    "remove `state` from `then`; the expected `%s` already says the instance ended"
                        .formatted(e.event()),
                    e.location()));
      }
    }
  }
}
