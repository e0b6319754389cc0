package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names an expression may use, with their types, and what messages need to explain a name that
 * is missing.
 *
 * @param names the names in scope, in the order they were declared
 * @param laterVariables the flow's {@code let} variables not yet defined at this place, in order;
 *     for a {@code let} the first is the variable itself
 * @param why a sentence saying why the usual names missing here are not available, or ""
 * @param failed the variables whose own expression is invalid: typed {@code dyn} so that the
 *     expressions after them are checked on, and reported by no rule that a fixed variable would
 *     satisfy
 */
public record Scope(
    Map<String, CelType> names, List<String> laterVariables, String why, Set<String> failed) {

  /** Every name an expression may use somewhere in a model. */
  public static final List<String> ROOTS =
      List.of("command", "event", "state", "view", "user", "now", "today", "old", "args", "row");

  public Scope {
    names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    laterVariables = List.copyOf(laterVariables);
    failed = Set.copyOf(failed);
  }

  public Scope(Map<String, CelType> names, List<String> laterVariables, String why) {
    this(names, laterVariables, why, Set.of());
  }

  public Scope with(String name, CelType type, List<String> stillLater) {
    Map<String, CelType> more = new LinkedHashMap<>(names);
    more.remove(name);
    more.put(name, type);
    Set<String> stillFailed = new HashSet<>(failed);
    stillFailed.remove(name);
    return new Scope(more, stillLater, why, stillFailed);
  }

  /** The scope with variable {@code name} given by {@code value}, failed or not. */
  public Scope with(String name, CheckedExpression value, List<String> stillLater) {
    Scope with = with(name, value.resultType(), stillLater);
    if (value.isValid()) {
      return with;
    }
    Set<String> more = new HashSet<>(failed);
    more.add(name);
    return new Scope(with.names, stillLater, why, more);
  }
}
