package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternDef;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Patterns splice each other ({@code {{Other}}}) in a circle, so that none of them can ever be
 * written out. Each distinct cycle is reported once, at the splice that starts it in the pattern of
 * the cycle defined first.
 */
public final class PatternCycle implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    Map<String, PatternDef> patterns = PatternResolver.of(index.model()).patterns();
    List<String> order = new ArrayList<>(patterns.keySet());
    Map<String, List<String>> splices = new LinkedHashMap<>();
    patterns.forEach(
        (name, def) ->
            splices.put(
                name,
                PatternResolver.splices(def.regex().value()).stream()
                    .map(PatternResolver.Splice::name)
                    .filter(patterns::containsKey)
                    .distinct()
                    .toList()));
    Set<List<String>> reported = new HashSet<>();
    for (String name : order) {
      shortestCycle(name, splices)
          .map(cycle -> rotateToFirst(cycle, order))
          .filter(reported::add)
          .ifPresent(cycle -> report(index, patterns, cycle, report));
    }
  }

  /** The shortest way from {@code start} back to itself, as [start, …, start]. */
  private static Optional<List<String>> shortestCycle(
      String start, Map<String, List<String>> splices) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String at = queue.removeFirst();
      for (String next : splices.getOrDefault(at, List.of())) {
        if (next.equals(start)) {
          List<String> path = new ArrayList<>(List.of(start));
          for (String step = at; !step.equals(start); step = cameFrom.get(step)) {
            path.add(1, step);
          }
          path.add(start);
          return Optional.of(path);
        }
        if (!cameFrom.containsKey(next) && !next.equals(start)) {
          cameFrom.put(next, at);
          queue.addLast(next);
        }
      }
    }
    return Optional.empty();
  }

  /** The same cycle, starting at its pattern defined first, so that each cycle is seen once. */
  private static List<String> rotateToFirst(List<String> cycle, List<String> order) {
    List<String> ring = cycle.subList(0, cycle.size() - 1);
    int first = 0;
    for (int i = 1; i < ring.size(); i++) {
      if (order.indexOf(ring.get(i)) < order.indexOf(ring.get(first))) {
        first = i;
      }
    }
    List<String> rotated = new ArrayList<>(ring.subList(first, ring.size()));
    rotated.addAll(ring.subList(0, first));
    rotated.add(rotated.get(0));
    return List.copyOf(rotated);
  }

  private static void report(
      ModelIndex index, Map<String, PatternDef> patterns, List<String> cycle, Reporter report) {
    PatternDef first = patterns.get(cycle.get(0));
    String next = cycle.get(1);
    RegexSite site = new RegexSite(first.regex(), "the pattern `%s`".formatted(first.name()));
    int offset =
        PatternResolver.splices(first.regex().value()).stream()
            .filter(s -> s.name().equals(next))
            .findFirst()
            .map(PatternResolver.Splice::start)
            .orElse(0);
    report.error(
        site.locationOf(index, offset),
        "The pattern `%s` splices itself: `%s`."
            .formatted(first.name(), String.join(" -> ", cycle)),
        "a pattern cannot contain itself; remove one of the splices of this cycle",
        cycle.subList(1, cycle.size() - 1).stream()
            .map(name -> patterns.get(name).location())
            .toArray(SourceLocation[]::new));
  }
}
