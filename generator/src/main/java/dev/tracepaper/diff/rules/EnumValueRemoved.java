package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.TypeDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A literal of an enum was removed. Stored events and state may hold it (they would no longer
 * read), and API clients may send or expect it (the schema no longer has it).
 */
public final class EnumValueRemoved implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.STORED_DATA;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    Model old = change.oldModel();
    Set<String> stored = new HashSet<>();
    Set<String> api = new HashSet<>();
    for (Aggregate a : old.aggregates()) {
      Optional<Aggregate> owner = Optional.of(a);
      reach(old, owner, a.fields(), stored);
      a.events().forEach(e -> reach(old, owner, e.fields(), stored));
      a.commands().forEach(c -> reach(old, owner, c.fields(), api));
    }
    old.views().forEach(v -> reach(old, Optional.empty(), v.fields(), api));
    for (EnumDef before : old.enums()) {
      Optional<EnumDef> after = change.newModel().enumDef(before.name());
      if (after.isEmpty()) {
        continue; // the fields of that type changed type: the field rules say so
      }
      for (Located<String> value : before.values()) {
        if (!after.get().hasValue(value.value())) {
          report.report(
              change.old().at(value.location()),
              "%s.%s was removed: %s"
                  .formatted(before.name(), value.value(), who(before, stored, api)),
              "keep the value (describe it as no longer used) as long as stored data or clients"
                  + " may hold it; see docs/evolution.md");
        }
      }
    }
  }

  private static String who(EnumDef e, Set<String> stored, Set<String> api) {
    List<String> parts = new ArrayList<>();
    if (stored.contains(e.name())) {
      parts.add("stored events or state may hold it and would no longer read");
    }
    parts.add(
        api.contains(e.name())
            ? "API clients that send or expect it would fail"
            : "API clients that name it would fail (the schema declares every enum)");
    return String.join("; ", parts);
  }

  /** Adds the names of every type reachable from {@code fields}. */
  private static void reach(
      Model model, Optional<Aggregate> owner, List<Field> fields, Set<String> names) {
    for (Field f : fields) {
      String type = f.type().name();
      if (names.add(type)) {
        Optional<TypeDef> record = model.type(type).or(() -> owner.flatMap(a -> a.entity(type)));
        record.ifPresent(r -> reach(model, owner, r.fields(), names));
      }
    }
  }
}
