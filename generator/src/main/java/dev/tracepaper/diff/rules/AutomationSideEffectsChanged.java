package dev.tracepaper.diff.rules;

import dev.tracepaper.automation.SideEffects;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffReporter;
import dev.tracepaper.diff.DiffRule;
import dev.tracepaper.diff.ModelChange;
import dev.tracepaper.diff.RuleClass;
import dev.tracepaper.model.Automation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An automation reaches something new outside the application, or stops reaching something: a new
 * e-mail recipient, another HTTP endpoint or method, another S3 bucket or key, another command or
 * role, a secret read from elsewhere. The side effects are derived from the activities, so a review
 * sees what the automation really does; an automation added or removed shows all of its side
 * effects.
 */
public final class AutomationSideEffectsChanged implements DiffRule {

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
    Map<String, Automation> before = byName(change.oldModel().automations());
    Map<String, Automation> after = byName(change.newModel().automations());
    for (Automation now : change.newModel().automations()) {
      Automation old = before.get(now.name());
      List<SideEffects.Effect> was = old == null ? List.of() : SideEffects.of(old).effects();
      compare(change, report, now.name(), was, SideEffects.of(now).effects(), old == null);
    }
    for (Automation old : change.oldModel().automations()) {
      if (!after.containsKey(old.name())) {
        for (SideEffects.Effect effect : SideEffects.of(old).effects()) {
          report.report(
              change.old().at(effect.location()),
              "automation %s is removed: no more %s".formatted(old.name(), effect),
              "make sure nothing outside still waits for it");
        }
      }
    }
  }

  private static void compare(
      ModelChange change,
      DiffReporter report,
      String automation,
      List<SideEffects.Effect> was,
      List<SideEffects.Effect> now,
      boolean isNew) {
    List<SideEffects.Effect> gone = without(was, now);
    List<SideEffects.Effect> added = without(now, was);
    for (SideEffects.Effect effect : added) {
      List<SideEffects.Effect> replaced =
          gone.stream().filter(g -> g.kind().equals(effect.kind())).toList();
      if (replaced.size() == 1
          && added.stream().filter(a -> a.kind().equals(effect.kind())).count() == 1) {
        gone.remove(replaced.get(0));
        report.report(
            change.current().at(effect.location()),
            "automation %s changes %s: %s → %s"
                .formatted(automation, effect.kind(), replaced.get(0).target(), effect.target()),
            "make sure the new target should get what the automation sends");
        continue;
      }
      report.report(
          change.current().at(effect.location()),
          "automation %s %s %s".formatted(automation, isNew ? "is new:" : "now also:", effect),
          "make sure the new target should get what the automation sends");
    }
    for (SideEffects.Effect effect : gone) {
      report.report(
          change.old().at(effect.location()),
          "automation %s no longer: %s".formatted(automation, effect),
          "make sure nothing outside still waits for it");
    }
  }

  /** {@code from} without the side effects {@code other} has (each as often as it has it). */
  private static List<SideEffects.Effect> without(
      List<SideEffects.Effect> from, List<SideEffects.Effect> other) {
    List<String> left = new ArrayList<>(other.stream().map(SideEffects.Effect::toString).toList());
    List<SideEffects.Effect> out = new ArrayList<>();
    for (SideEffects.Effect effect : from) {
      if (!left.remove(effect.toString())) {
        out.add(effect);
      }
    }
    return out;
  }

  private static Map<String, Automation> byName(List<Automation> automations) {
    return automations.stream()
        .collect(Collectors.toMap(Automation::name, Function.identity(), (a, b) -> a));
  }
}
