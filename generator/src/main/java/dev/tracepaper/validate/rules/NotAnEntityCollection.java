package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/** {@code upsert} or {@code remove} in an {@code apply} on a field that is not {@code [Entity]}. */
public final class NotAnEntityCollection implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Event event : aggregate.events()) {
        for (Assignment line : event.apply()) {
          if (!(line instanceof Assignment.SetValue)) {
            aggregate
                .field(line.field())
                .filter(f -> isKnownNonCollection(index, aggregate, f))
                .ifPresent(f -> report(aggregate, event, line, f, report));
          }
        }
      }
    }
  }

  /** A field whose type is unknown or misplaced is reported by the type rules already. */
  private static boolean isKnownNonCollection(ModelIndex index, Aggregate aggregate, Field field) {
    return switch (index.kindOf(field.type(), Optional.of(aggregate))) {
      case BUILTIN, ENUM, TYPE -> true;
      case ENTITY -> EntityCollections.entityOf(index, aggregate, field).isEmpty();
      case VIEW, UNKNOWN -> false;
    };
  }

  private static void report(
      Aggregate aggregate, Event event, Assignment line, Field field, Reporter report) {
    String verb = line instanceof Assignment.Upsert ? "upserts into" : "removes from";
    Optional<TypeDef> example = aggregate.entities().stream().findFirst();
    report.error(
        line.location(),
        "The `apply` of event `%s` %s `%s`, which is a `%s`, not a collection of entities."
            .formatted(event.name(), verb, line.field(), field.type()),
        example
            .map(
                e ->
                    "upsert and remove work on a field of type `[%s]` (a list of an entity of `%s`)"
                        .formatted(e.name(), aggregate.name()))
            .orElse(
                "upsert and remove work on a field whose type is a list of an entity, `[<Entity>]`,"
                    + " with the entity defined under `entities:` of `%s`"
                        .formatted(aggregate.name())),
        field.location());
  }
}
