package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.EventPairs;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A view's rows would be computed differently (its key, source, fields, {@code set}, {@code where}
 * or handlers changed): the rows already in its table were written by the old rules and stay so
 * until the view is rebuilt.
 */
public final class ViewRebuildNeeded implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.OPERATION;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var current = Elements.views(change.newModel());
    // A handler of an event renamed with renamedFrom reads the same stored events as before.
    Map<String, String> renames = new HashMap<>();
    for (EventPairs.Pair pair : EventPairs.of(change)) {
      if (pair.renamedAt().isPresent()) {
        renames.put(pair.old().name(), pair.current().name());
      }
    }
    for (View old : change.oldModel().views()) {
      View now = current.get(old.name());
      if (now == null || now.custom()) {
        continue;
      }
      List<String> reasons = new ArrayList<>();
      String keyBefore = old.key().map(Located::value).orElse("(none)");
      String keyAfter = now.key().map(Located::value).orElse("(none)");
      if (!keyBefore.equals(keyAfter)) {
        reasons.add("key " + keyBefore + " → " + keyAfter);
      }
      String fromBefore = old.from().map(Located::value).orElse("(none)");
      String fromAfter = now.from().map(Located::value).orElse("(none)");
      if (!fromBefore.equals(fromAfter)) {
        reasons.add("from " + fromBefore + " → " + fromAfter);
      }
      List<FieldChange> fields = OutputFieldChanged.changes(change, old, now);
      if (!fields.isEmpty()) {
        reasons.add(
            "fields "
                + fields.stream().map(FieldChange::describe).collect(Collectors.joining(", ")));
      }
      if (!sets(old.set()).equals(sets(now.set()))) {
        reasons.add("`set`");
      }
      if (!Objects.equals(
          old.where().map(Expression::text).map(String::strip),
          now.where().map(Expression::text).map(String::strip))) {
        reasons.add("`where`");
      }
      if (!handlers(old, renames).equals(handlers(now, Map.of()))) {
        reasons.add("event handlers");
      }
      if (!reasons.isEmpty()) {
        report.report(
            change.current().at(now.location()),
            "view %s changed (%s): the rows in its table were computed by the old model"
                .formatted(now.name(), String.join("; ", reasons)),
            "after deploying, rebuild the view (docs/runtime.md#rebuild) so every row is"
                + " computed by the new model; see docs/evolution.md");
      }
    }
  }

  private static List<String> sets(List<Assignment.SetValue> set) {
    return set.stream().map(s -> s.field() + "=" + s.value().text().strip()).sorted().toList();
  }

  private static List<String> handlers(View view, Map<String, String> renames) {
    return view.handlers().stream().map(h -> handler(h, renames)).sorted().toList();
  }

  private static String handler(ViewHandler h, Map<String, String> renames) {
    String event = renames.getOrDefault(h.event().event(), h.event().event());
    return h.event().aggregate().map(a -> a + ".").orElse("")
        + event
        + "|"
        + h.key().map(Expression::text).map(String::strip).orElse("")
        + "|"
        + h.keys().map(Expression::text).map(String::strip).orElse("")
        + "|"
        + sets(h.set())
        + "|"
        + h.deletes()
        + "|"
        + h.deleteIf().map(Expression::text).map(String::strip).orElse("");
  }
}
