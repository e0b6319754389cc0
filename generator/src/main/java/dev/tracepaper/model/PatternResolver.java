package dev.tracepaper.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the {@code pattern:} of a field, or a pattern of the {@code patterns:} section, into the
 * regular expression it stands for. Validation uses it to check patterns; the generator uses it to
 * write the regex into the code it renders.
 *
 * <ul>
 *   <li>A {@code pattern:} value <em>names a pattern</em> when it is the name of a pattern in
 *       {@code patterns:}, or when it looks like one: a PascalCase word of letters and digits
 *       ({@code [A-Z][A-Za-z0-9]*}), which can hold no regex metacharacter. Anything else is a
 *       regular expression.
 *   <li>Inside a regular expression, {@code {{Name}}} splices the pattern {@code Name} (spaces
 *       inside the braces are ignored), wrapped in a non-capturing group {@code (?:…)} so that a
 *       quantifier or an alternation around the splice applies to the whole spliced pattern.
 *       Splicing is recursive.
 *   <li>A splice keeps the spliced pattern's meaning wherever it can: the {@code ^} that starts an
 *       alternative of the spliced pattern is kept when the splice starts an alternative of the
 *       regex around it, and its {@code $} when the splice ends one, unless a quantifier follows
 *       the splice. So {@code '{{Lower}}'} accepts exactly what {@code Lower} does, and {@code
 *       '{{Lower}}|{{Digits}}'} what either does. Everywhere else (in the middle of a regex, under
 *       a quantifier) the anchors are left out: there they would make the regex match nothing, and
 *       the spliced pattern is a piece of the value ({@code '^{{Isbn}}-[0-9]$'}).
 *   <li>A pattern is <em>searched</em> in the value, as JavaScript's {@code RegExp.test} and JSON
 *       Schema do: a pattern that must cover the whole value is anchored with {@code ^…$}.
 * </ul>
 *
 * <p>Where the same pattern name is defined twice, the first definition is used (the duplicate is
 * reported by validation). Nothing here throws on a bad model: an expansion that cannot be done
 * says why.
 */
public final class PatternResolver {

  /** A spliced pattern never grows beyond this, so that nested splices cannot explode. */
  public static final int MAX_LENGTH = 10_000;

  private static final Pattern SPLICE = Pattern.compile("\\{\\{([^{}]*)\\}\\}");
  private static final Pattern PATTERN_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");

  /** One {@code {{Name}}} in a regex: the name and where the braces start and end. */
  public record Splice(String name, int start, int end) {}

  /** Why a regex could not be spliced, or {@link #NONE}. */
  public enum Failure {
    NONE,
    UNKNOWN_NAME,
    CYCLE,
    TOO_LONG
  }

  /** The outcome of splicing: the regex, or why there is none. */
  public record Expansion(Optional<String> regex, Failure failure) {

    static Expansion done(String regex) {
      return new Expansion(Optional.of(regex), Failure.NONE);
    }

    static Expansion failed(Failure failure) {
      return new Expansion(Optional.empty(), failure);
    }

    public boolean isDone() {
      return regex.isPresent();
    }
  }

  private final Map<String, PatternDef> patterns = new LinkedHashMap<>();

  /** Per pattern, its expansions by {@link #variant}: which of its own anchors it keeps. */
  private final Map<String, Expansion[]> expanded = new HashMap<>();

  public PatternResolver(Collection<PatternDef> definitions) {
    definitions.forEach(p -> patterns.putIfAbsent(p.name(), p));
    expandAll();
  }

  public static PatternResolver of(Model model) {
    return new PatternResolver(model.patterns());
  }

  /** The pattern definitions by name, first definitions only. */
  public Map<String, PatternDef> patterns() {
    return java.util.Collections.unmodifiableMap(patterns);
  }

  /** Whether the {@code pattern:} value of a field names a pattern instead of being a regex. */
  public boolean namesPattern(String value) {
    return patterns.containsKey(value) || PATTERN_NAME.matcher(value).matches();
  }

  /** Every {@code {{Name}}} in {@code regex}, in order. */
  public static List<Splice> splices(String regex) {
    List<Splice> splices = new ArrayList<>();
    Matcher m = SPLICE.matcher(regex);
    while (m.find()) {
      splices.add(new Splice(m.group(1).trim(), m.start(), m.end()));
    }
    return splices;
  }

  /** The regex a field's {@code pattern:} value stands for, with every splice done. */
  public Expansion field(String value) {
    return namesPattern(value) ? named(value) : expand(value);
  }

  /** The regex the pattern {@code name} stands for, with every splice done. */
  public Expansion named(String name) {
    return named(name, true, true);
  }

  private Expansion named(String name, boolean keepStart, boolean keepEnd) {
    Expansion[] variants = expanded.get(name);
    return variants == null
        ? Expansion.failed(Failure.UNKNOWN_NAME)
        : variants[variant(keepStart, keepEnd)];
  }

  private static int variant(boolean keepStart, boolean keepEnd) {
    return (keepStart ? 2 : 0) + (keepEnd ? 1 : 0);
  }

  /** {@code regex} with every splice done. */
  public Expansion expand(String regex) {
    return expand(regex, true, true);
  }

  /**
   * {@code regex} with every splice done; {@code keepStart} and {@code keepEnd} say whether the
   * anchors that start and end its alternatives still mean something where it stands.
   */
  private Expansion expand(String regex, boolean keepStart, boolean keepEnd) {
    List<Splice> splices = splices(regex);
    StringBuilder out = new StringBuilder();
    for (int[] alt : RegexAlternatives.of(regex, splices)) {
      int start = alt[0];
      int end = alt[1];
      boolean ownStart = RegexAlternatives.startsWithAnchor(regex, start, end);
      boolean ownEnd = RegexAlternatives.endsWithAnchor(regex, start, end);
      if (start > 0) {
        out.append('|');
      }
      if (ownStart && keepStart) {
        out.append('^');
      }
      int last = ownStart ? start + 1 : start;
      int stop = ownEnd ? end - 1 : end;
      for (Splice splice : splices) {
        if (splice.start() < last || splice.end() > stop) {
          continue;
        }
        boolean free = !RegexAlternatives.quantified(regex, splice.end());
        boolean first = splice.start() == last && keepStart && !ownStart && free;
        boolean lastOne = splice.end() == stop && keepEnd && !ownEnd && free;
        Expansion inner = named(splice.name(), first, lastOne);
        if (!inner.isDone()) {
          return inner;
        }
        out.append(regex, last, splice.start()).append("(?:").append(inner.regex().get());
        out.append(')');
        last = splice.end();
        if (out.length() > MAX_LENGTH) {
          return Expansion.failed(Failure.TOO_LONG);
        }
      }
      out.append(regex, last, stop);
      if (ownEnd && keepEnd) {
        out.append('$');
      }
    }
    return out.length() > MAX_LENGTH
        ? Expansion.failed(Failure.TOO_LONG)
        : Expansion.done(out.toString());
  }

  /**
   * Expands every pattern once its spliced patterns are expanded, without recursion, so that any
   * depth of splicing is safe. Patterns never ready are on a cycle, or splice one.
   */
  private void expandAll() {
    Map<String, Set<String>> waitingOn = new HashMap<>();
    Map<String, List<String>> splicedBy = new HashMap<>();
    Deque<String> ready = new ArrayDeque<>();
    patterns.forEach(
        (name, def) -> {
          Set<String> known = new HashSet<>();
          for (Splice splice : splices(def.regex().value())) {
            if (patterns.containsKey(splice.name()) && known.add(splice.name())) {
              splicedBy.computeIfAbsent(splice.name(), k -> new ArrayList<>()).add(name);
            }
          }
          waitingOn.put(name, known);
          if (known.isEmpty()) {
            ready.add(name);
          }
        });
    while (!ready.isEmpty()) {
      String name = ready.removeFirst();
      String regex = patterns.get(name).regex().value();
      Expansion[] variants = new Expansion[4];
      for (boolean keepStart : new boolean[] {false, true}) {
        for (boolean keepEnd : new boolean[] {false, true}) {
          variants[variant(keepStart, keepEnd)] = expand(regex, keepStart, keepEnd);
        }
      }
      expanded.put(name, variants);
      for (String waiting : splicedBy.getOrDefault(name, List.of())) {
        Set<String> rest = waitingOn.get(waiting);
        if (rest.remove(name) && rest.isEmpty()) {
          ready.addLast(waiting);
        }
      }
    }
    Expansion cycle = Expansion.failed(Failure.CYCLE);
    patterns
        .keySet()
        .forEach(n -> expanded.putIfAbsent(n, new Expansion[] {cycle, cycle, cycle, cycle}));
  }
}
