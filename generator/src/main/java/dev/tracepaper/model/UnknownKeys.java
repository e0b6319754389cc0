package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keys a mapping cannot have, reported once the whole file is read, because the likeliest cause of
 * many is an indentation slip that YAML accepts: a key indented too deep lands inside its neighbour
 * ({@code status} under {@code apply}), a key indented too shallow becomes the name of a new
 * element ({@code apply} read as an event). Which keys each level can have is only known once the
 * readers have looked at every level, hence the collecting.
 */
final class UnknownKeys {

  /** Deeper slips than this are rare and their hints would be guesses. */
  private static final int LEVELS_UP = 3;

  /** One mapping the readers checked: the keys it may have and how messages name it. */
  private record Checked(MappingNode mapping, Set<String> allowed, String what) {
    List<MappingNode.Entry> unknown() {
      return mapping.entries().stream().filter(e -> !allowed.contains(e.name())).toList();
    }
  }

  private final Map<MappingNode, Checked> checked = new IdentityHashMap<>();
  private final List<Checked> order = new ArrayList<>();

  void checked(MappingNode mapping, Set<String> allowed, String what) {
    Checked c = new Checked(mapping, allowed, what);
    if (checked.putIfAbsent(mapping, c) == null) {
      order.add(c);
    }
  }

  /** Reports every unknown key of the mappings under {@code root}, with its likely cause. */
  void report(MappingNode root, Consumer<Diagnostic> sink) {
    if (order.stream().allMatch(c -> c.unknown().isEmpty())) {
      return; // the usual case: no tree to index
    }
    Map<YamlNode, MappingNode.Entry> entryOf = new IdentityHashMap<>();
    Map<YamlNode, MappingNode> parentOf = new IdentityHashMap<>();
    index(root, entryOf, parentOf);
    for (Checked c : order) {
      List<MappingNode.Entry> unknown = c.unknown();
      if (unknown.isEmpty()) {
        continue;
      }
      Optional<Diagnostic> shallow =
          tooShallow(c, entryOf, parentOf).or(() -> deepName(c, entryOf, parentOf));
      if (shallow.isPresent()) {
        sink.accept(shallow.get());
        continue;
      }
      for (MappingNode.Entry e : unknown) {
        Function<String, String> message =
            above ->
                "`%s` is not something %s can have, but %s can: this line is likely indented too far."
                    .formatted(e.name(), c.what(), above);
        sink.accept(tooDeep(c.mapping(), e, message, parentOf).orElseGet(() -> plain(c, e)));
      }
    }
  }

  private static void index(
      MappingNode root,
      Map<YamlNode, MappingNode.Entry> entryOf,
      Map<YamlNode, MappingNode> parentOf) {
    List<MappingNode> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      MappingNode m = todo.remove(todo.size() - 1);
      for (MappingNode.Entry e : m.entries()) {
        if (e.value() instanceof MappingNode child && !parentOf.containsKey(child)) {
          parentOf.put(child, m);
          entryOf.put(child, e);
          todo.add(child);
        } else if (e.value() instanceof SequenceNode list) {
          // The items of a list (tests, rules) count as one level below the list's owner.
          for (YamlNode item : list.items()) {
            if (item instanceof MappingNode child && !parentOf.containsKey(child)) {
              parentOf.put(child, m);
              todo.add(child);
            }
          }
        }
      }
    }
  }

  /**
   * A key that the level above (or the one above that) can have and does not have yet: most likely
   * indented one level too deep.
   */
  private Optional<Diagnostic> tooDeep(
      MappingNode start,
      MappingNode.Entry key,
      Function<String, String> message,
      Map<YamlNode, MappingNode> parentOf) {
    MappingNode level = start;
    for (int up = 0; up < LEVELS_UP; up++) {
      level = parentOf.get(level);
      if (level == null) {
        return Optional.empty();
      }
      Checked above = checked.get(level);
      if (above == null || !above.allowed().contains(key.name())) {
        continue;
      }
      if (level.get(key.name()).isPresent()) {
        return Optional.empty();
      }
      return lineUpWith(level, key.key().location())
          .map(
              sibling -> {
                SourceLocation at = key.key().location();
                int by = at.column() - sibling.key().location().column();
                return Diagnostic.error(Nodes.UNKNOWN_KEY, at, message.apply(above.what()))
                    .withHint(
                        "move `%s` %s left to line up with `%s` on line %d"
                            .formatted(
                                key.name(),
                                spaces(by),
                                sibling.name(),
                                sibling.key().location().line()))
                    .withRelated(sibling.key().location());
              });
    }
    return Optional.empty();
  }

  /**
   * An element named like a key that a level further up can have and lacks, such as {@code views}
   * indented under {@code aggregates}: the element's name was most likely indented too deep.
   */
  private Optional<Diagnostic> deepName(
      Checked c, Map<YamlNode, MappingNode.Entry> entryOf, Map<YamlNode, MappingNode> parentOf) {
    MappingNode.Entry own = entryOf.get(c.mapping());
    MappingNode names = parentOf.get(c.mapping());
    if (own == null || names == null || checked.containsKey(names)) {
      return Optional.empty();
    }
    Function<String, String> message =
        above ->
            "YAML reads `%s` as %s; but `%s` is something %s can have: this line is likely indented too far."
                .formatted(own.name(), c.what(), own.name(), above);
    return tooDeep(names, own, message, parentOf);
  }

  /** The key of {@code level} written last before {@code at}, when it is to the left of it. */
  private static Optional<MappingNode.Entry> lineUpWith(MappingNode level, SourceLocation at) {
    MappingNode.Entry best = null;
    for (MappingNode.Entry e : level.entries()) {
      SourceLocation where = e.key().location();
      if (where.line() < at.line() && where.column() < at.column()) {
        best = e;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * An element named like a key of the element before it, which lacks that key: most likely the key
   * was indented one level too shallow and became the name of a new element.
   */
  private Optional<Diagnostic> tooShallow(
      Checked c, Map<YamlNode, MappingNode.Entry> entryOf, Map<YamlNode, MappingNode> parentOf) {
    MappingNode.Entry own = entryOf.get(c.mapping());
    MappingNode names = parentOf.get(c.mapping());
    if (own == null || names == null || checked.containsKey(names)) {
      return Optional.empty();
    }
    int index = names.entries().indexOf(own);
    if (index < 1 || !(names.entries().get(index - 1).value() instanceof MappingNode previous)) {
      return Optional.empty();
    }
    Checked before = checked.get(previous);
    if (before == null
        || !before.allowed().contains(own.name())
        || previous.get(own.name()).isPresent()
        || previous.isEmpty()) {
      return Optional.empty();
    }
    MappingNode.Entry last = previous.entries().get(previous.entries().size() - 1);
    SourceLocation at = own.key().location();
    SourceLocation target = last.key().location();
    if (target.line() >= at.line() || target.column() <= at.column()) {
      return Optional.empty();
    }
    return Optional.of(
        Diagnostic.error(
                Nodes.UNKNOWN_KEY,
                at,
                "`%s` lines up with the names above it, so YAML reads it as %s; but `%s` is something %s can have: this line is likely not indented far enough."
                    .formatted(own.name(), c.what(), own.name(), before.what()))
            .withHint(
                "move `%s` and the lines under it %s right to line up with `%s` on line %d"
                    .formatted(
                        own.name(),
                        spaces(target.column() - at.column()),
                        last.name(),
                        target.line()))
            .withRelated(target));
  }

  private static Diagnostic plain(Checked c, MappingNode.Entry entry) {
    List<String> sorted = new ArrayList<>(c.allowed());
    sorted.sort(null);
    String hint =
        entry.name().contains(" ")
            ? "if this is the rest of a text that holds a comma, put the whole text in quotes"
            : Suggestions.didYouMean(entry.name(), c.allowed());
    return Diagnostic.error(
            Nodes.UNKNOWN_KEY,
            entry.key().location(),
            "`%s` is not something %s can have.".formatted(entry.name(), c.what()))
        .withHint(hint.isEmpty() ? "allowed here: " + String.join(", ", sorted) : hint);
  }

  private static String spaces(int n) {
    return n == 1 ? "1 space" : n + " spaces";
  }
}
