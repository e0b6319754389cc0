package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.rules.shape.FieldSite.Holder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every field of a model, each with what holds it. */
public final class FieldSites {

  private FieldSites() {}

  /** Every site of the model, collected once per model for all the rules that walk them. */
  public static List<FieldSite> all(ModelIndex index) {
    return index.derived(FieldSites.class, i -> List.copyOf(computeAll(i)));
  }

  private static List<FieldSite> computeAll(ModelIndex index) {
    List<FieldSite> sites = new ArrayList<>();
    for (TypeDef type : index.model().types()) {
      add(sites, type.fields(), Holder.TYPE, "value type `" + type.name() + "`", Optional.empty());
    }
    for (Aggregate aggregate : index.model().aggregates()) {
      sites.addAll(ofAggregate(aggregate));
    }
    for (View view : index.model().views()) {
      // A view kept `from` an aggregate may hold that aggregate's entities.
      Optional<Aggregate> from = view.from().flatMap(f -> index.aggregate(f.value()));
      add(sites, view.fields(), Holder.VIEW, Phrases.view(view), from);
    }
    // A custom query's arguments are input, as a command's fields are.
    index
        .model()
        .queries()
        .forEach(
            q ->
                add(
                    sites,
                    q.args(),
                    Holder.COMMAND,
                    "the query `" + q.name() + "`",
                    Optional.empty()));
    return sites;
  }

  private static List<FieldSite> ofAggregate(Aggregate aggregate) {
    List<FieldSite> sites = new ArrayList<>();
    Optional<Aggregate> owner = Optional.of(aggregate);
    add(sites, aggregate.fields(), Holder.STATE, Phrases.aggregate(aggregate), owner);
    for (TypeDef entity : aggregate.entities()) {
      String phrase = "entity `%s` of aggregate `%s`".formatted(entity.name(), aggregate.name());
      add(sites, entity.fields(), Holder.ENTITY, phrase, owner);
    }
    for (Event event : aggregate.events()) {
      add(sites, event.fields(), Holder.EVENT, Phrases.event(event), owner);
      for (EventVersion version : event.versions()) {
        String phrase = "version %d of %s".formatted(version.version(), Phrases.event(event));
        add(sites, version.fields(), Holder.EVENT, phrase, owner);
      }
    }
    aggregate
        .commands()
        .forEach(c -> add(sites, c.fields(), Holder.COMMAND, Phrases.flow(c), owner));
    return sites;
  }

  private static void add(
      List<FieldSite> sites,
      List<Field> fields,
      Holder holder,
      String phrase,
      Optional<Aggregate> owner) {
    fields.forEach(f -> sites.add(new FieldSite(f, holder, phrase, owner)));
  }
}
