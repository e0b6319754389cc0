package dev.tracepaper.diff;

import dev.tracepaper.diff.rules.AggregateKeyChanged;
import dev.tracepaper.diff.rules.AggregateRemoved;
import dev.tracepaper.diff.rules.AuthorizationChanged;
import dev.tracepaper.diff.rules.AutomationSideEffectsChanged;
import dev.tracepaper.diff.rules.ConstraintTightened;
import dev.tracepaper.diff.rules.ElementAdded;
import dev.tracepaper.diff.rules.EnumValueRemoved;
import dev.tracepaper.diff.rules.EventFieldsChanged;
import dev.tracepaper.diff.rules.EventHistoryChanged;
import dev.tracepaper.diff.rules.EventRemoved;
import dev.tracepaper.diff.rules.EventRenamed;
import dev.tracepaper.diff.rules.EventRetired;
import dev.tracepaper.diff.rules.EventUpcast;
import dev.tracepaper.diff.rules.EventVersionMismatch;
import dev.tracepaper.diff.rules.InputFieldChanged;
import dev.tracepaper.diff.rules.MutationRemoved;
import dev.tracepaper.diff.rules.OptionalFieldAdded;
import dev.tracepaper.diff.rules.OutputFieldChanged;
import dev.tracepaper.diff.rules.QueryRemoved;
import dev.tracepaper.diff.rules.StackChanged;
import dev.tracepaper.diff.rules.SubdomainChanged;
import dev.tracepaper.diff.rules.UniqueConstraintAdded;
import dev.tracepaper.diff.rules.ViewRebuildNeeded;
import dev.tracepaper.diff.rules.ViewRemoved;
import java.util.List;

/** Every diff rule, in the order of docs/diff-rules.md. */
public final class DiffRules {

  /** The catalogue of the diff rules. */
  public static final String RULES_DOC = "docs/diff-rules.md";

  private static final java.util.Set<String> IDS =
      all().stream().map(DiffRule::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private DiffRules() {}

  /** Whether {@code id} is a diff rule's (not a validation rule's). */
  public static boolean isDiffRule(String id) {
    return IDS.contains(id);
  }

  /** Where a diagnostic id is documented: the diff catalogue, or the validation rules'. */
  public static String helpUri(String id) {
    return (isDiffRule(id) ? RULES_DOC : "docs/validation-rules.md") + "#" + id.toLowerCase();
  }

  public static List<DiffRule> all() {
    return List.of(
        new AggregateRemoved(),
        new EventRemoved(),
        new EventFieldsChanged(),
        new EventVersionMismatch(),
        new EventHistoryChanged(),
        new EnumValueRemoved(),
        new AggregateKeyChanged(),
        new MutationRemoved(),
        new InputFieldChanged(),
        new QueryRemoved(),
        new OutputFieldChanged(),
        new ViewRebuildNeeded(),
        new ViewRemoved(),
        new SubdomainChanged(),
        new StackChanged(),
        new UniqueConstraintAdded(),
        new AuthorizationChanged(),
        new AutomationSideEffectsChanged(),
        new ConstraintTightened(),
        new ElementAdded(),
        new OptionalFieldAdded(),
        new EventUpcast(),
        new EventRenamed(),
        new EventRetired());
  }
}
