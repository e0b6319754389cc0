package dev.tracepaper.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Name lookups over a model, built once. Where a name is defined twice, the first definition wins
 * here; the duplicate itself is reported by validation.
 */
public final class ModelIndex {

  /** What a type name refers to. */
  public enum TypeKind {
    BUILTIN,
    ENUM,
    TYPE,
    ENTITY,
    VIEW,
    UNKNOWN
  }

  private final Model model;
  private final Map<Object, FutureTask<Object>> derived = new ConcurrentHashMap<>();
  private final Map<String, Aggregate> aggregates = new LinkedHashMap<>();
  private final Map<String, View> views = new LinkedHashMap<>();
  private final Map<String, EnumDef> enums = new LinkedHashMap<>();
  private final Map<String, TypeDef> types = new LinkedHashMap<>();
  private final Map<String, PatternDef> patterns = new LinkedHashMap<>();
  // Bare event names are looked up once per policy, handler and test: by scanning every event of
  // the model, the lookups together grew with the square of the model's size.
  private final Map<String, List<Event>> eventsByName = new HashMap<>();
  private final Map<String, List<Event>> firstEventsByName = new HashMap<>();

  public ModelIndex(Model model) {
    this.model = model;
    model.aggregates().forEach(a -> aggregates.putIfAbsent(a.name(), a));
    model.views().forEach(v -> views.putIfAbsent(v.name(), v));
    model.enums().forEach(e -> enums.putIfAbsent(e.name(), e));
    model.types().forEach(t -> types.putIfAbsent(t.name(), t));
    model.patterns().forEach(p -> patterns.putIfAbsent(p.name(), p));
    model
        .events()
        .forEach(e -> eventsByName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e));
    for (Aggregate a : aggregates.values()) {
      Set<String> seen = new HashSet<>();
      for (Event e : a.events()) {
        if (seen.add(e.name())) {
          firstEventsByName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
        }
      }
    }
  }

  public Model model() {
    return model;
  }

  /**
   * A value computed from this index once, however many rules ask for it, and from whichever thread
   * (rules run in parallel). {@code key} names the value, usually the computing class; a
   * computation may itself ask for other derived values.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Object key, Function<ModelIndex, T> compute) {
    FutureTask<Object> task = new FutureTask<>(() -> compute.apply(this));
    FutureTask<Object> known = derived.putIfAbsent(key, task);
    if (known == null) {
      task.run();
      known = task;
    }
    try {
      return (T) known.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing " + key, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }

  public Optional<Aggregate> aggregate(String name) {
    return Optional.ofNullable(aggregates.get(name));
  }

  public Optional<View> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  /** A view's key field: its {@code key:}, else for a {@code from} view its aggregate's key. */
  public Optional<String> viewKey(View view) {
    return view.key()
        .map(Located::value)
        .or(
            () ->
                view.from()
                    .flatMap(f -> aggregate(f.value()))
                    .flatMap(Aggregate::key)
                    .map(Located::value));
  }

  public Optional<EnumDef> enumDef(String name) {
    return Optional.ofNullable(enums.get(name));
  }

  public Optional<TypeDef> type(String name) {
    return Optional.ofNullable(types.get(name));
  }

  public Optional<PatternDef> pattern(String name) {
    return Optional.ofNullable(patterns.get(name));
  }

  public Set<String> aggregateNames() {
    return aggregates.keySet();
  }

  public Set<String> viewNames() {
    return views.keySet();
  }

  public Set<String> patternNames() {
    return patterns.keySet();
  }

  /** Every name a field's type may use from the aggregate {@code owner} (empty: none). */
  public Set<String> typeNamesVisibleFrom(Optional<Aggregate> owner) {
    Set<String> names = new java.util.TreeSet<>();
    for (BuiltinType t : BuiltinType.values()) {
      names.add(t.name());
    }
    names.addAll(enums.keySet());
    names.addAll(types.keySet());
    names.addAll(views.keySet());
    owner.ifPresent(a -> a.entities().forEach(e -> names.add(e.name())));
    return names;
  }

  /** What {@code ref} names, seen from the aggregate {@code owner} (entities are local to it). */
  public TypeKind kindOf(TypeRef ref, Optional<Aggregate> owner) {
    if (ref.builtin().isPresent()) {
      return TypeKind.BUILTIN;
    }
    if (enums.containsKey(ref.name())) {
      return TypeKind.ENUM;
    }
    if (types.containsKey(ref.name())) {
      return TypeKind.TYPE;
    }
    if (owner.flatMap(a -> a.entity(ref.name())).isPresent()) {
      return TypeKind.ENTITY;
    }
    if (views.containsKey(ref.name())) {
      return TypeKind.VIEW;
    }
    return TypeKind.UNKNOWN;
  }

  /** Resolves {@code Aggregate.Event}, or a bare event name that exactly one aggregate defines. */
  public Optional<Event> event(EventRef ref) {
    if (ref.aggregate().isPresent()) {
      return aggregate(ref.aggregate().get()).flatMap(a -> a.event(ref.event()));
    }
    List<Event> matches = eventsByName.getOrDefault(ref.event(), List.of());
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /**
   * The events named {@code name}, one per aggregate (its first event of that name), in the order
   * of the aggregates; where an aggregate is defined twice, only its first definition counts.
   */
  public List<Event> eventsNamed(String name) {
    return Collections.unmodifiableList(firstEventsByName.getOrDefault(name, List.of()));
  }

  /** The roles that {@code app.auth.roles} lists. */
  public Set<String> roles() {
    return model
        .app()
        .map(a -> a.auth().roles().stream().map(Located::value).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  public static Set<String> names(Collection<? extends Object> located) {
    return located.stream()
        .map(o -> o instanceof Located<?> l ? String.valueOf(l.value()) : String.valueOf(o))
        .collect(Collectors.toSet());
  }
}
