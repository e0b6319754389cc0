package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A field together with what holds it: {@code owner} names the holder for messages ("command
 * `LendBook`"), {@code aggregate} is the aggregate whose entities the field may use.
 */
record FieldSite(Field field, String owner, Optional<Aggregate> aggregate, Place place) {

  /** The kinds of element that hold fields. */
  enum Place {
    TYPE,
    STATE,
    ENTITY,
    EVENT,
    COMMAND,
    VIEW
  }

  /** "the field `isbn` of command `RegisterBook`" */
  String describe() {
    return "the field `%s` of %s".formatted(field.name(), owner);
  }

  /** Every field of the model, in the order written. */
  /** Every site of the model, collected once per model for all the rules that walk them. */
  static List<FieldSite> all(ModelIndex index) {
    return index.derived(FieldSite.class, i -> List.copyOf(computeAll(i)));
  }

  private static List<FieldSite> computeAll(ModelIndex index) {
    List<FieldSite> sites = new ArrayList<>();
    for (TypeDef type : index.model().types()) {
      add(
          sites,
          type.fields(),
          "value type `%s`".formatted(type.name()),
          Optional.empty(),
          Place.TYPE);
    }
    for (Aggregate a : index.model().aggregates()) {
      Optional<Aggregate> owner = Optional.of(a);
      add(sites, a.fields(), "aggregate `%s`".formatted(a.name()), owner, Place.STATE);
      for (TypeDef entity : a.entities()) {
        String name = "entity `%s` of aggregate `%s`".formatted(entity.name(), a.name());
        add(sites, entity.fields(), name, owner, Place.ENTITY);
      }
      a.events()
          .forEach(
              e -> add(sites, e.fields(), "event `%s`".formatted(e.name()), owner, Place.EVENT));
      a.commands()
          .forEach(
              c ->
                  add(sites, c.fields(), "command `%s`".formatted(c.name()), owner, Place.COMMAND));
    }
    for (View view : index.model().views()) {
      add(
          sites,
          view.fields(),
          "view `%s`".formatted(view.name()),
          fedFrom(index, view),
          Place.VIEW);
    }
    return sites;
  }

  /** The aggregate a {@code from} view is kept from: its entities are visible to the view. */
  static Optional<Aggregate> fedFrom(ModelIndex index, View view) {
    return view.from().flatMap(from -> index.aggregate(from.value()));
  }

  private static void add(
      List<FieldSite> sites,
      List<Field> fields,
      String owner,
      Optional<Aggregate> aggregate,
      Place place) {
    fields.forEach(f -> sites.add(new FieldSite(f, owner, aggregate, place)));
  }
}
