package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.List;
import java.util.Optional;

/**
 * A test's {@code then.deleted} must agree with the events: an instance is deleted only by an event
 * whose {@code apply} holds {@code deleted: true}, so {@code deleted: true} needs such an event
 * among those the test expects (or, when it names none, among those the flow can emit), and {@code
 * deleted: false} cannot expect one.
 */
public final class ExpectedDeletionDiffers implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (TestSite site : TestSite.all(model)) {
      TestCase.Then then = site.test().then();
      if (then.deleted().isEmpty() || then.error().isPresent()) {
        continue;
      }
      boolean deleted = then.deleted().get().value();
      Aggregate aggregate = site.flow().aggregate();
      Flow flow = site.flow().flow();
      if (then.events().isPresent()) {
        Optional<TestCase.ExpectedEvent> ending =
            then.events().get().stream().filter(e -> ends(aggregate, e.event())).findFirst();
        if (deleted && ending.isEmpty()) {
          report.error(
              then.deleted().get().location(),
              "%s expects `deleted: true`, but none of the events it expects ends the instance."
                  .formatted(site.phrase()),
              endingHint(aggregate));
        } else if (!deleted && ending.isPresent()) {
          report.error(
              then.deleted().get().location(),
              "%s expects `deleted: false`, but also `%s`, which ends the instance."
                  .formatted(site.phrase(), ending.get().event()),
              "write `deleted: true`, or expect the events of a case that keeps the instance",
              ending.get().location());
        }
        continue;
      }
      if (flow.custom()) {
        continue; // hand-written code may add any event of the aggregate
      }
      List<Emit> ending = flow.emits().stream().filter(e -> ends(aggregate, e.event())).toList();
      if (deleted && ending.isEmpty()) {
        report.error(
            then.deleted().get().location(),
            "%s expects `deleted: true`, but %s emits no event that ends the instance."
                .formatted(site.phrase(), site.flow().phrase()),
            endingHint(aggregate));
      } else if (!deleted && ending.stream().anyMatch(e -> !e.conditional())) {
        Emit always = ending.stream().filter(e -> !e.conditional()).findFirst().orElseThrow();
        report.error(
            then.deleted().get().location(),
            "%s expects `deleted: false`, but %s always emits `%s`, which ends the instance."
                .formatted(site.phrase(), site.flow().phrase(), always.event()),
            "write `deleted: true`",
            always.location());
      }
    }
  }

  private static boolean ends(Aggregate aggregate, String event) {
    return aggregate.event(event).filter(Event::endsInstance).isPresent();
  }

  private static String endingHint(Aggregate aggregate) {
    List<String> ending =
        aggregate.events().stream().filter(Event::endsInstance).map(Event::name).toList();
    if (ending.isEmpty()) {
      return "no event of `%s` ends the instance (`deleted: true` in its `apply`);"
              .formatted(aggregate.name())
          + " write `deleted: false`, or leave it out";
    }
    return "an instance is deleted by an event with `deleted: true` in its `apply`, here `%s`;"
            .formatted(ending.get(0))
        + " expect it, or write `deleted: false`";
  }
}
