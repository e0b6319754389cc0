package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/** Snapshot intervals and retention periods count events or days: zero or less means nothing. */
public final class NotPositive implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate a : model.model().aggregates()) {
      String owner = "aggregate `%s`".formatted(a.name());
      check(a.snapshotEvery(), "snapshotEvery", owner, "events", report);
      check(a.eventRetentionDays(), "eventRetentionDays", owner, "days", report);
    }
    for (View v : model.model().views()) {
      check(v.retentionDays(), "retentionDays", "view `%s`".formatted(v.name()), "days", report);
    }
  }

  private static void check(
      Optional<Located<Long>> setting, String name, String owner, String unit, Reporter report) {
    setting
        .filter(s -> s.value() <= 0)
        .ifPresent(
            s ->
                report.error(
                    s.location(),
                    "`%s` of %s is %d, but it counts %s and must be 1 or more."
                        .formatted(name, owner, s.value(), unit),
                    "give a positive number, or leave `%s` out".formatted(name)));
  }
}
