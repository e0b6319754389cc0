package dev.tracepaper.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The value types that only older versions of events name ({@code AddressV1}, kept to read what
 * they stored): the generated upcasts read them, but no command, state, current event or view holds
 * them, so they are no part of the API.
 */
public final class OlderShapes {

  private OlderShapes() {}

  /** The names of the types only older event versions name, directly or inside another type. */
  public static Set<String> typesOf(ModelIndex index) {
    return index.derived(OlderShapes.class, OlderShapes::compute);
  }

  private static Set<String> compute(ModelIndex index) {
    Model model = index.model();
    Set<String> older =
        closure(
            index,
            model.events().flatMap(e -> e.versions().stream()).flatMap(v -> v.fields().stream()));
    if (older.isEmpty()) {
      return Set.of();
    }
    Stream<Field> current =
        Stream.of(
                model.aggregates().stream().flatMap(a -> a.fields().stream()),
                model.aggregates().stream()
                    .flatMap(a -> a.entities().stream())
                    .flatMap(t -> t.fields().stream()),
                model.events().flatMap(e -> e.fields().stream()),
                model.commands().flatMap(c -> c.fields().stream()),
                model.views().stream().flatMap(v -> v.fields().stream()),
                // A type no older version names is the modeller's, used or not.
                model.types().stream()
                    .filter(t -> !older.contains(t.name()))
                    .flatMap(t -> t.fields().stream()))
            .flatMap(s -> s);
    Set<String> used = closure(index, current);
    model.types().stream().map(TypeDef::name).filter(n -> !older.contains(n)).forEach(used::add);
    Set<String> only = new LinkedHashSet<>(older);
    only.removeAll(used);
    return Set.copyOf(only);
  }

  /** The value types the fields name, and the ones those name, transitively. */
  private static Set<String> closure(ModelIndex index, Stream<Field> fields) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    fields.map(f -> f.type().name()).forEach(todo::add);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      index
          .type(name)
          .filter(t -> seen.add(name))
          .ifPresent(t -> t.fields().forEach(f -> todo.add(f.type().name())));
    }
    return seen;
  }
}
