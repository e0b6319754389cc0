package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.model.View;
import java.util.List;

/**
 * A field that no request sent today lacks and no client reads: an optional field of a command's
 * input, or a field of a view's rows. (A field added to an event is never optional for the events
 * stored before it: EventFieldsChanged.)
 */
public final class OptionalFieldAdded implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.NOTE;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.COMPATIBLE;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var commands = Elements.commands(change.newModel());
    for (Elements.OwnedCommand old : Elements.commands(change.oldModel()).values()) {
      Elements.OwnedCommand now = commands.get(old.command().name());
      if (now != null) {
        added(InputFieldChanged.changes(change, old, now), true)
            .forEach(
                c ->
                    report.report(
                        change.current().at(c.current().orElseThrow().field().location()),
                        "%s.%s: optional in the input of mutation %s"
                            .formatted(now.qualified(), c.describe(), now.mutation()),
                        ""));
      }
    }
    var views = Elements.views(change.newModel());
    for (View old : change.oldModel().views()) {
      View now = views.get(old.name());
      if (now != null) {
        added(OutputFieldChanged.changes(change, old, now), false)
            .forEach(
                c ->
                    report.report(
                        change.current().at(c.current().orElseThrow().field().location()),
                        "%s.%s".formatted(now.name(), c.describe()),
                        ""));
      }
    }
  }

  /** The added fields; with {@code optionalOnly}, only those not required. */
  private static List<FieldChange> added(List<FieldChange> changes, boolean optionalOnly) {
    return changes.stream()
        .filter(c -> c.kind() == FieldChange.Kind.ADDED)
        .filter(c -> !optionalOnly || !c.current().orElseThrow().required())
        .toList();
  }
}
