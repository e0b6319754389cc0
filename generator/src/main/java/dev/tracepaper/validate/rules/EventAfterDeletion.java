package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An event whose {@code apply} holds {@code deleted: true} ends the instance: a flow cannot emit
 * more events after it, and a test's {@code given} history can continue only with an event that a
 * creating command or policy emits (which starts the instance again).
 */
public final class EventAfterDeletion implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FlowSite site : FlowSite.all(model)) {
      checkEmits(site, report);
      Set<String> restarting = restarting(site.aggregate());
      site.flow().tests().forEach(t -> checkGiven(site, t, restarting, report));
    }
  }

  private static void checkEmits(FlowSite site, Reporter report) {
    Optional<Emit> ending = Optional.empty();
    for (Emit emit : site.flow().emits()) {
      if (ending.isPresent()) {
        report.error(
            emit.location(),
            "%s emits `%s` after `%s`, but `%s` ends the instance (`deleted: true`), so nothing"
                    .formatted(
                        Phrases.capital(site.phrase()),
                        emit.event(),
                        ending.get().event(),
                        ending.get().event())
                + " can happen to it afterwards.",
            "emit `%s` last".formatted(ending.get().event()),
            ending.get().location());
        return;
      }
      if (site.aggregate().event(emit.event()).filter(Event::endsInstance).isPresent()) {
        ending = Optional.of(emit);
      }
    }
  }

  private static void checkGiven(
      FlowSite site, TestCase test, Set<String> restarting, Reporter report) {
    Optional<String> ended = Optional.empty();
    SourceLocation endedAt = SourceLocation.NONE;
    for (TestCase.Given given : test.given()) {
      if (!(given instanceof TestCase.GivenEvent g)) {
        ended = Optional.empty();
        continue;
      }
      if (ended.isPresent() && !restarting.contains(g.event())) {
        report.error(
            g.location(),
            "Test `%s` of %s gives `%s` after `%s`, but `%s` ended the instance (`deleted: true`)."
                .formatted(test.name(), site.phrase(), g.event(), ended.get(), ended.get()),
            "remove the events after `%s`, or first give the event that creates the instance again"
                .formatted(ended.get()),
            endedAt);
        return;
      }
      boolean ends = site.aggregate().event(g.event()).filter(Event::endsInstance).isPresent();
      ended = ends ? Optional.of(g.event()) : Optional.empty();
      endedAt = g.location();
    }
  }

  /**
   * Events that a creating flow may emit first (the first event, or any up to the first that has no
   * {@code if}): they may start an ended instance again.
   */
  private static Set<String> restarting(Aggregate aggregate) {
    Set<String> restarting = new HashSet<>();
    for (Flow flow : aggregate.flows()) {
      if (!flow.creates()) {
        continue;
      }
      for (Emit emit : flow.emits()) {
        restarting.add(emit.event());
        if (!emit.conditional()) {
          break;
        }
      }
    }
    return restarting;
  }
}
