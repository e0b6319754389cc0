package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.rules.shape.FieldSite;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Decides whether the type of a field names something that may stand at the field's place. */
final class TypeUses {

  private TypeUses() {}

  /** What a field's type turned out to be, seen from where the field stands. */
  sealed interface Verdict {}

  /** The type may stand here. */
  record Fine() implements Verdict {}

  /** The type names nothing that may be a type; {@code actually} says what it names, if known. */
  record Unknown(Optional<String> actually) implements Verdict {}

  /** An entity, but of another aggregate (entities are local to their aggregate). */
  record EntityElsewhere(Aggregate owner) implements Verdict {}

  /** A view, used outside a view's fields. */
  record ViewOutsideView() implements Verdict {}

  static Verdict judge(ModelIndex index, FieldSite site) {
    TypeRef type = site.field().type();
    return switch (index.kindOf(type, site.aggregate())) {
      case BUILTIN, ENUM, TYPE, ENTITY -> new Fine();
      case VIEW -> site.holder() == FieldSite.Holder.VIEW ? new Fine() : new ViewOutsideView();
      case UNKNOWN -> unknown(index, type.name());
    };
  }

  private static Verdict unknown(ModelIndex index, String name) {
    for (String aggregateName : index.aggregateNames()) {
      Aggregate a = index.aggregate(aggregateName).orElseThrow();
      if (a.entity(name).isPresent()) {
        return new EntityElsewhere(a);
      }
    }
    return new Unknown(whatElse(index, name));
  }

  /** "an aggregate", "an event of aggregate `Book`", … when a type names another kind of thing. */
  private static Optional<String> whatElse(ModelIndex index, String name) {
    if (index.aggregate(name).isPresent()) {
      return Optional.of("an aggregate");
    }
    if (index.pattern(name).isPresent()) {
      return Optional.of("a pattern");
    }
    for (String aggregateName : index.aggregateNames()) {
      Aggregate a = index.aggregate(aggregateName).orElseThrow();
      if (a.event(name).isPresent()) {
        return Optional.of("an event of aggregate `%s`".formatted(a.name()));
      }
      if (a.commands().stream().anyMatch(c -> c.name().equals(name))) {
        return Optional.of("a command of aggregate `%s`".formatted(a.name()));
      }
    }
    return Optional.empty();
  }

  /** Every type name that may stand at the field's place, for "did you mean". */
  static Set<String> visibleNames(ModelIndex index, FieldSite site) {
    Set<String> names = new TreeSet<>(index.typeNamesVisibleFrom(site.aggregate()));
    if (site.holder() != FieldSite.Holder.VIEW) {
      names.removeAll(index.viewNames());
    }
    return names;
  }
}
