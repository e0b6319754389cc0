package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.View;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Something new that nothing stored or deployed depends on: an aggregate, an event, a command, a
 * view, a query, an enum or an enum value.
 */
public final class ElementAdded implements DiffRule {

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
    Model old = change.oldModel();
    var oldAggregates = Elements.aggregates(old);
    for (Aggregate now : change.newModel().aggregates()) {
      Aggregate before = oldAggregates.get(now.name());
      if (before == null) {
        report.report(
            change.current().at(now.location()), "aggregate %s is new".formatted(now.name()), "");
        continue;
      }
      Set<String> read =
          before.events().stream()
              .map(e -> EventPairs.successor(now, e))
              .flatMap(java.util.Optional::stream)
              .map(p -> p.current().name())
              .collect(Collectors.toSet());
      for (Event e : now.events()) {
        if (!read.contains(e.name())) {
          report.report(
              change.current().at(e.location()),
              "event %s is new".formatted(Elements.qualified(e)),
              "");
        }
      }
    }
    var oldCommands = Elements.commands(old);
    Elements.commands(change.newModel()).values().stream()
        .filter(c -> !oldCommands.containsKey(c.command().name()))
        .forEach(
            c ->
                report.report(
                    change.current().at(c.command().location()),
                    "command %s is new (mutation %s)".formatted(c.qualified(), c.mutation()),
                    ""));
    var oldViews = Elements.views(old);
    for (View v : change.newModel().views()) {
      if (!oldViews.containsKey(v.name())) {
        report.report(
            change.current().at(v.location()),
            "view %s is new".formatted(v.name()),
            v.from().isPresent() || !v.handlers().isEmpty()
                ? "it starts empty: rebuild it after deploying to fill it from the stored events"
                : "");
      }
    }
    var oldQueries = Elements.queries(old);
    Elements.queries(change.newModel()).values().stream()
        .filter(q -> oldViews.containsKey(q.view().name()) && !oldQueries.containsKey(q.field()))
        .forEach(
            q ->
                report.report(
                    change.current().at(q.location()),
                    "query %s of view %s is new".formatted(q.field(), q.view().name()),
                    ""));
    for (EnumDef now : change.newModel().enums()) {
      var before = old.enumDef(now.name());
      if (before.isEmpty()) {
        report.report(
            change.current().at(now.location()), "enum %s is new".formatted(now.name()), "");
        continue;
      }
      for (Located<String> value : now.values()) {
        if (!before.get().hasValue(value.value())) {
          report.report(
              change.current().at(value.location()),
              "%s.%s is new".formatted(now.name(), value.value()),
              "clients that switch over every value of %s may meet one they do not know"
                  .formatted(now.name()));
        }
      }
    }
  }
}
