package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Creation;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lifecycle of an aggregate's state: for each state field whose type is an enum (a status), the
 * values it takes and the events that move it from one to the next.
 *
 * <p>An event moves the field to a value when its {@code apply} sets the field to a quoted literal
 * ({@code status: "'WITHDRAWN'"}); an event that ends the instance leads to "(ended)". Where it
 * comes from is read from the flows that emit it: a flow that creates its instance starts at
 * "(new)"; a rule {@code state.status == 'X'} (or {@code != 'X'}, {@code in ['X', 'Y']}) in a rule
 * without {@code ||} names the values it leaves from; a flow without such a rule leaves from "(any
 * state)".
 */
public final class Lifecycles {

  /** One field's lifecycle and its moves, for the table beside the diagram. */
  public record Lifecycle(String field, String enumName, Diagram diagram, List<Move> moves) {}

  /** An event moving the field from some values to one. */
  public record Move(String event, List<String> from, String to) {}

  private static final String NEW = "(new)";
  private static final String ANY = "(any state)";
  private static final String ENDED = "(ended)";

  private Lifecycles() {}

  public static List<Lifecycle> of(ModelIndex index, Aggregate aggregate) {
    List<Lifecycle> lifecycles = new ArrayList<>();
    for (Field field : aggregate.fields()) {
      if (field.type().list()) {
        continue;
      }
      Optional<EnumDef> enumDef = index.enumDef(field.type().name());
      if (enumDef.isPresent()) {
        List<Move> moves = moves(aggregate, field.name(), enumDef.get());
        // Only an event that ends the instance says nothing about this field's values.
        if (moves.stream().anyMatch(m -> !m.to().equals(ENDED))) {
          lifecycles.add(
              new Lifecycle(
                  field.name(),
                  enumDef.get().name(),
                  diagram(aggregate, field.name(), enumDef.get(), moves),
                  moves));
        }
      }
    }
    return lifecycles;
  }

  private static List<Move> moves(Aggregate aggregate, String field, EnumDef enumDef) {
    List<Move> moves = new ArrayList<>();
    for (Event event : aggregate.events()) {
      Optional<String> to = literalSet(event, field).filter(enumDef::hasValue);
      if (event.endsInstance()) {
        to = Optional.of(ENDED);
      }
      if (to.isPresent()) {
        moves.add(new Move(event.name(), from(aggregate, event, field, enumDef), to.get()));
      }
    }
    return moves;
  }

  private static Optional<String> literalSet(Event event, String field) {
    for (Assignment assignment : event.apply()) {
      if (assignment instanceof Assignment.SetValue set && set.field().equals(field)) {
        Matcher literal = Pattern.compile("\\s*['\"](\\w+)['\"]\\s*").matcher(set.value().text());
        if (literal.matches()) {
          return Optional.of(literal.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> from(
      Aggregate aggregate, Event event, String field, EnumDef enumDef) {
    Set<String> from = new LinkedHashSet<>();
    for (Flow flow : aggregate.flows()) {
      if (flow.emits().stream().noneMatch(e -> e.event().equals(event.name()))) {
        continue;
      }
      if (flow.creation() != Creation.UPDATES) {
        from.add(NEW);
      }
      if (flow.creation() != Creation.CREATES) {
        Set<String> guarded = guard(flow.rules(), field, enumDef);
        from.addAll(guarded.isEmpty() ? Set.of(ANY) : guarded);
      }
    }
    return List.copyOf(from.isEmpty() ? Set.of(ANY) : from);
  }

  /** The values rules of the form {@code state.F == 'X'} let the flow run from (empty: any). */
  private static Set<String> guard(List<BusinessRule> rules, String field, EnumDef enumDef) {
    String state = "state\\." + Pattern.quote(field);
    Pattern equals = Pattern.compile(state + "\\s*==\\s*['\"](\\w+)['\"]");
    Pattern differs = Pattern.compile(state + "\\s*!=\\s*['\"](\\w+)['\"]");
    Pattern in = Pattern.compile(state + "\\s+in\\s+\\[([^\\]]*)\\]");
    Set<String> allowed = new LinkedHashSet<>();
    for (BusinessRule rule : rules) {
      String text = rule.require().text();
      if (text.contains("||")) {
        continue;
      }
      Matcher m = equals.matcher(text);
      while (m.find()) {
        allowed.add(m.group(1));
      }
      m = in.matcher(text);
      while (m.find()) {
        Matcher value = Pattern.compile("['\"](\\w+)['\"]").matcher(m.group(1));
        while (value.find()) {
          allowed.add(value.group(1));
        }
      }
      m = differs.matcher(text);
      while (m.find()) {
        String excluded = m.group(1);
        enumDef.values().stream()
            .map(Located::value)
            .filter(v -> !v.equals(excluded))
            .forEach(allowed::add);
      }
    }
    allowed.removeIf(v -> !enumDef.hasValue(v));
    return allowed;
  }

  /** Columns by the fewest moves from "new" (and "any state"); values never reached come last. */
  private static Diagram diagram(
      Aggregate aggregate, String field, EnumDef enumDef, List<Move> moves) {
    Map<String, Integer> depth = new HashMap<>();
    depth.put(NEW, 0);
    depth.put(ANY, 0);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Move move : moves) {
        for (String from : move.from()) {
          Integer d = depth.get(from);
          if (d != null && (depth.get(move.to()) == null || depth.get(move.to()) > d + 1)) {
            depth.put(move.to(), d + 1);
            changed = true;
          }
        }
      }
    }
    int last = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    Diagram diagram = new Diagram("The lifecycle of " + aggregate.name() + " by its " + field);
    Set<String> used = new LinkedHashSet<>();
    moves.forEach(
        m -> {
          used.addAll(m.from());
          used.add(m.to());
        });
    for (String special : List.of(NEW, ANY)) {
      if (used.contains(special)) {
        diagram.node(special, special, Kind.START, 0, "");
      }
    }
    for (Located<String> value : enumDef.values()) {
      diagram.node(
          value.value(), value.value(), Kind.STATE, depth.getOrDefault(value.value(), last), "");
    }
    if (used.contains(ENDED)) {
      diagram.node(ENDED, ENDED, Kind.START, last + 1, "");
    }
    for (Move move : moves) {
      for (String from : move.from()) {
        diagram.edge(from, move.to(), move.event());
      }
    }
    return diagram;
  }
}
