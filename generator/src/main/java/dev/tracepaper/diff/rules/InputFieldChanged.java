package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.diff.Shapes;
import dev.tracepaper.diff.Shapes.FieldChange;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mutation's input changed so that a request clients send today is refused: a field removed or of
 * another type, a required field added, or an optional one made required. Fields the system fills
 * ({@code autoFill}) are not part of the input.
 */
public final class InputFieldChanged implements DiffRule {

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
      if (now == null) {
        continue;
      }
      for (FieldChange c : changes(change, old, now)) {
        if (c.kind() == FieldChange.Kind.ADDED && !c.current().orElseThrow().required()) {
          continue;
        }
        var at =
            c.current()
                .map(f -> change.current().at(f.field().location()))
                .orElseGet(() -> change.old().at(c.old().orElseThrow().field().location()));
        report.report(
            at,
            "%s.%s: clients of mutation %s that send today's input would be refused"
                .formatted(now.qualified(), c.describe(), now.mutation()),
            hint(c));
      }
    }
  }

  private static String hint(FieldChange c) {
    return switch (c.kind()) {
      case ADDED, NOW_REQUIRED ->
          "give it a `default`, or leave it optional (`required: false`); see docs/evolution.md";
      case REMOVED ->
          "keep the field (the command may ignore it) until no client sends it; see docs/evolution.md";
      case TYPE_CHANGED ->
          "add a field of the new type beside the old one, and remove the old one once no client sends it; see docs/evolution.md";
    };
  }

  /** The input's changes: the command's fields less the ones the system fills. */
  static List<FieldChange> changes(
      ModelChange change, Elements.OwnedCommand old, Elements.OwnedCommand now) {
    return Shapes.compare(input(change.oldModel(), old), input(change.newModel(), now));
  }

  private static Map<String, Shapes.FieldShape> input(Model model, Elements.OwnedCommand c) {
    List<Field> fields =
        c.command().fields().stream().filter(f -> f.constraints().autoFill().isEmpty()).toList();
    return Shapes.of(model, Optional.of(c.aggregate()), fields, true);
  }
}
