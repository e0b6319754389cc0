package dev.tracepaper.docs;

import dev.tracepaper.docs.Diagram.Kind;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventRef;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The overview's picture of the whole model: each aggregate, an arrow to every aggregate whose
 * policies or commands its events start (labelled with those events), and the views each feeds.
 * Aggregates nothing starts stand in the first column, the others one column after the nearest that
 * starts them; a view stands just after the furthest aggregate it reads.
 */
public final class ContextMap {

  private ContextMap() {}

  public static Diagram of(ModelIndex index) {
    Map<String, Set<String>> reactions = new LinkedHashMap<>();
    for (String name : index.aggregateNames()) {
      Aggregate aggregate = index.aggregate(name).orElseThrow();
      for (Policy policy : aggregate.policies()) {
        reaction(index, reactions, policy.on(), name);
      }
      for (Command command : aggregate.commands()) {
        for (Trigger trigger : command.triggers()) {
          reaction(index, reactions, trigger.on(), name);
        }
      }
    }
    Map<String, Integer> column = columns(index, reactions);
    Diagram diagram = new Diagram("The aggregates of the model, what starts what, and the views");
    for (String name : index.aggregateNames()) {
      diagram.node(
          "aggregate:" + name,
          name,
          Kind.AGGREGATE,
          column.get(name),
          "aggregates/" + name + ".html");
    }
    reactions.forEach(
        (key, events) -> {
          String[] pair = key.split(" ", 2);
          diagram.edge("aggregate:" + pair[0], "aggregate:" + pair[1], String.join(", ", events));
        });
    for (String name : index.viewNames()) {
      View view = index.view(name).orElseThrow();
      Set<String> sources = new LinkedHashSet<>();
      view.from().ifPresent(f -> sources.add(f.value()));
      for (ViewHandler handler : view.handlers()) {
        index.event(handler.event()).ifPresent(e -> sources.add(e.aggregate()));
      }
      sources.removeIf(s -> index.aggregate(s).isEmpty());
      if (sources.isEmpty()) {
        continue;
      }
      // Just after the furthest aggregate it reads: the fewest arrows skip a column.
      int after = sources.stream().mapToInt(column::get).max().orElse(0) + 1;
      diagram.node("view:" + name, name, Kind.VIEW, after, "views.html#view-" + name);
      sources.forEach(s -> diagram.edge("aggregate:" + s, "view:" + name, ""));
    }
    return diagram;
  }

  /** Records that the event {@code on} (of some aggregate) starts a flow of {@code target}. */
  private static void reaction(
      ModelIndex index, Map<String, Set<String>> reactions, EventRef on, String target) {
    Event event = index.event(on).orElse(null);
    if (event == null || index.aggregate(event.aggregate()).isEmpty()) {
      return;
    }
    reactions
        .computeIfAbsent(event.aggregate() + " " + target, k -> new LinkedHashSet<>())
        .add(event.name());
  }

  /**
   * Breadth first from the aggregates nothing else starts; a cycle's rest keeps its first column.
   */
  private static Map<String, Integer> columns(
      ModelIndex index, Map<String, Set<String>> reactions) {
    Map<String, List<String>> next = new HashMap<>();
    Set<String> started = new LinkedHashSet<>();
    reactions
        .keySet()
        .forEach(
            key -> {
              String[] pair = key.split(" ", 2);
              if (!pair[0].equals(pair[1])) {
                next.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]);
                started.add(pair[1]);
              }
            });
    Map<String, Integer> column = new LinkedHashMap<>();
    List<String> queue = new ArrayList<>();
    for (String name : index.aggregateNames()) {
      if (!started.contains(name)) {
        column.put(name, 0);
        queue.add(name);
      }
    }
    for (int i = 0; i < queue.size(); i++) {
      String from = queue.get(i);
      for (String to : next.getOrDefault(from, List.of())) {
        if (!column.containsKey(to)) {
          column.put(to, column.get(from) + 1);
          queue.add(to);
        }
      }
    }
    index.aggregateNames().forEach(name -> column.putIfAbsent(name, 0));
    return column;
  }
}
