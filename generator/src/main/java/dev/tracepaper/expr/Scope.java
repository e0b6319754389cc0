package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names an expression may use, with their types, and what messages need to explain a name that
 * is missing.
 *
 * @param names the names in scope, in the order they were declared
 * @param laterVariables the flow's {@code let} variables not yet defined at this place, in order;
 *     for a {@code let} the first is the variable itself
 * @param why a sentence saying why the usual names missing here are not available, or ""
 */
public record Scope(Map<String, CelType> names, List<String> laterVariables, String why) {

  /** Every name an expression may use somewhere in a model. */
  public static final List<String> ROOTS =
      List.of("command", "event", "state", "view", "user", "now", "today", "old", "args", "row");

  public Scope {
    names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    laterVariables = List.copyOf(laterVariables);
  }

  public Scope with(String name, CelType type, List<String> stillLater) {
    Map<String, CelType> more = new LinkedHashMap<>(names);
    more.remove(name);
    more.put(name, type);
    return new Scope(more, stillLater, why);
  }
}
