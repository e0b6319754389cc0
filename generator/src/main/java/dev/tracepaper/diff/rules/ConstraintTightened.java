package dev.tracepaper.diff.rules;

import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.Elements;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command field accepts less than before: a higher minimum, a lower maximum, a new or changed
 * pattern. Requests that passed may now be refused; stored data is not checked again.
 */
public final class ConstraintTightened implements DiffRule {

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public RuleClass ruleClass() {
    return RuleClass.REVIEW;
  }

  @Override
  public void check(ModelChange change, DiffReporter report) {
    var commands = Elements.commands(change.newModel());
    for (Elements.OwnedCommand old : Elements.commands(change.oldModel()).values()) {
      Elements.OwnedCommand now = commands.get(old.command().name());
      if (now == null) {
        continue;
      }
      Map<String, Field> before = byName(old.command().fields());
      for (Field after : now.command().fields()) {
        Field was = before.get(after.name());
        if (was == null || !was.type().toString().equals(after.type().toString())) {
          continue; // new fields and type changes are InputFieldChanged's
        }
        for (String tighter : tightened(was.constraints(), after.constraints())) {
          report.report(
              change.current().at(after.location()),
              "%s.%s accepts less than before: %s; requests that passed may now be refused"
                  .formatted(now.qualified(), after.name(), tighter),
              "make sure clients send only values the new constraint accepts; see docs/evolution.md");
        }
      }
    }
  }

  private static Map<String, Field> byName(List<Field> fields) {
    Map<String, Field> map = new java.util.LinkedHashMap<>();
    fields.forEach(f -> map.putIfAbsent(f.name(), f));
    return map;
  }

  private static List<String> tightened(Constraints a, Constraints b) {
    List<String> found = new ArrayList<>();
    lower("min", a.min(), b.min(), Comparator.<BigDecimal>naturalOrder(), found);
    upper("max", a.max(), b.max(), Comparator.<BigDecimal>naturalOrder(), found);
    lower("minLength", a.minLength(), b.minLength(), Comparator.<Long>naturalOrder(), found);
    upper("maxLength", a.maxLength(), b.maxLength(), Comparator.<Long>naturalOrder(), found);
    lower("minItems", a.minItems(), b.minItems(), Comparator.<Long>naturalOrder(), found);
    upper("maxItems", a.maxItems(), b.maxItems(), Comparator.<Long>naturalOrder(), found);
    Optional<String> patternBefore = a.pattern().map(Located::value);
    Optional<String> patternAfter = b.pattern().map(Located::value);
    if (patternAfter.isPresent() && !patternAfter.equals(patternBefore)) {
      found.add("pattern " + patternBefore.orElse("(none)") + " → " + patternAfter.get());
    }
    return found;
  }

  /** A bound below which values are refused: tighter when added or raised. */
  private static <T> void lower(
      String name,
      Optional<Located<T>> a,
      Optional<Located<T>> b,
      Comparator<T> order,
      List<String> found) {
    bound(name, a, b, (x, y) -> order.compare(y, x) > 0, found);
  }

  /** A bound above which values are refused: tighter when added or lowered. */
  private static <T> void upper(
      String name,
      Optional<Located<T>> a,
      Optional<Located<T>> b,
      Comparator<T> order,
      List<String> found) {
    bound(name, a, b, (x, y) -> order.compare(y, x) < 0, found);
  }

  private static <T> void bound(
      String name,
      Optional<Located<T>> a,
      Optional<Located<T>> b,
      java.util.function.BiPredicate<T, T> tighter,
      List<String> found) {
    if (b.isEmpty()) {
      return;
    }
    Function<Optional<Located<T>>, String> shown =
        o -> o.map(l -> String.valueOf(l.value())).orElse("(none)");
    if (a.isEmpty() || tighter.test(a.get().value(), b.get().value())) {
      found.add(name + " " + shown.apply(a) + " → " + shown.apply(b));
    }
  }
}
