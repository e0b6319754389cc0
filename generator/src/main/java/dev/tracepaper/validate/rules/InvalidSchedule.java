package dev.tracepaper.validate.rules;

import dev.tracepaper.automation.Schedules;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A schedule EventBridge Scheduler would refuse: not {@code cron(…)}, {@code rate(…)} or {@code
 * at(…)}, a cron expression with other than six fields or without exactly one {@code ?} day field,
 * a value out of its field's range, a rate with a wrong unit, or a time zone that is none.
 */
public final class InvalidSchedule implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Automation automation : model.model().automations()) {
      if (!(automation.trigger() instanceof Automation.OnSchedule schedule)) {
        continue;
      }
      String subject = "The schedule of automation `%s`".formatted(automation.name());
      Schedules.check(schedule.expression().value())
          .ifPresent(
              p ->
                  report.error(
                      schedule.expression().location(), subject + ": " + p.message(), p.hint()));
      schedule
          .timezone()
          .ifPresent(
              zone ->
                  Schedules.checkZone(zone.value())
                      .ifPresent(
                          p ->
                              report.error(
                                  zone.location(), subject + ": " + p.message(), p.hint())));
    }
  }
}
