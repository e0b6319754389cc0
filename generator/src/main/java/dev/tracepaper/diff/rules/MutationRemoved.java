package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;

/**
 * A command was removed or renamed, or its {@code api} name changed: clients that call its mutation
 * get an error.
 */
public final class MutationRemoved implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.API;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.commands(change.newModel());
    for (Elements.OwnedCommand old : Elements.commands(change.oldModel()).values()) {
      Elements.OwnedCommand now = current.get(old.command().name());
      if (now != null && !now.mutation().equals(old.mutation())) {
        report.report(
            change.old().at(old.command().location()),
            "command %s is now called %s: clients that call mutation %s get an error"
                .formatted(old.qualified(), now.mutation(), old.mutation()),
            "keep the mutation named %s (with `api`) until no client calls it; see docs/evolution.md"
                .formatted(old.mutation()));
      }
      if (now == null) {
        report.report(
            change.old().at(old.command().location()),
            "command %s was removed: clients that call mutation %s get an error"
                .formatted(old.qualified(), old.mutation()),
            "keep the command until no client calls %s (a rename is a new command plus the old one kept for a while); see docs/evolution.md"
                .formatted(old.mutation()));
      }
    }
  }
}
