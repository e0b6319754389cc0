package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * An assignment sets a field that does not exist: an {@code apply} line (state fields), the {@code
 * with} of an upsert (fields of the entity), a mapping in {@code emits} (fields of the event), or a
 * view's {@code set} (fields of the view).
 */
public final class UnknownField implements Rule {

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (Aggregate aggregate : index.model().aggregates()) {
      aggregate.events().forEach(e -> checkApply(index, aggregate, e, report));
      for (Flow flow : aggregate.flows()) {
        flow.emits().forEach(emit -> checkEmit(aggregate, flow, emit, report));
      }
    }
    for (View view : index.model().views()) {
      checkView(view, report);
    }
  }

  private static void checkApply(
      ModelIndex index, Aggregate aggregate, Event event, Reporter report) {
    String where = "The `apply` of event `%s`".formatted(event.name());
    for (Assignment line : event.apply()) {
      Optional<Field> target = aggregate.field(line.field());
      if (target.isEmpty()) {
        unknown(
            report,
            line,
            "%s %s `%s`, but aggregate `%s` has no such field."
                .formatted(where, verb(line), line.field(), aggregate.name()),
            aggregate.fields(),
            slipOutOfApply(event, line.field())
                .map(
                    key ->
                        "if this is the `%s` of event `%s`, the line is indented too far: move it left to line up with `apply`; otherwise add `%s` to the `fields` of aggregate `%s`"
                            .formatted(key, event.name(), key, aggregate.name()))
                .orElse(
                    "add `%s` to the `fields` of aggregate `%s`"
                        .formatted(line.field(), aggregate.name())));
      } else if (line instanceof Assignment.Upsert upsert) {
        Optional<TypeDef> entity = EntityCollections.entityOf(index, aggregate, target.get());
        entity.ifPresent(e -> checkWith(upsert, e, where, report));
      }
    }
  }

  /**
   * A key of the event itself that the event does not have yet, written under {@code apply}: most
   * likely an indentation slip rather than a field.
   */
  private static Optional<String> slipOutOfApply(Event event, String key) {
    boolean missing =
        switch (key) {
          case "description" -> event.description().isEmpty();
          case "fields" -> event.fields().isEmpty();
          case "version" -> event.declaredVersion().isEmpty();
          case "renamedFrom" -> event.renamedFrom().isEmpty();
          case "versions" -> event.versions().isEmpty();
          case "retired" -> event.retired().isEmpty();
          default -> false;
        };
    return missing ? Optional.of(key) : Optional.empty();
  }

  private static void checkWith(
      Assignment.Upsert upsert, TypeDef entity, String where, Reporter report) {
    for (Assignment.SetValue with : upsert.with()) {
      if (entity.field(with.field()).isEmpty()) {
        unknown(
            report,
            with,
            "%s upserts into `%s` with `%s`, but entity `%s` has no such field."
                .formatted(where, upsert.field(), with.field(), entity.name()),
            entity.fields(),
            "add `%s` to entity `%s`".formatted(with.field(), entity.name()));
      }
    }
  }

  private static void checkEmit(Aggregate aggregate, Flow flow, Emit emit, Reporter report) {
    Optional<Event> event = aggregate.event(emit.event());
    if (event.isEmpty()) {
      return; // reported by UnknownEvent
    }
    for (Assignment.SetValue mapping : emit.mappings()) {
      if (event.get().field(mapping.field()).isEmpty()) {
        unknown(
            report,
            mapping,
            "%s gives `%s` to event `%s`, but the event has no such field."
                .formatted(Words.capital(Words.describe(flow)), mapping.field(), emit.event()),
            event.get().fields(),
            "add `%s` to the fields of event `%s`".formatted(mapping.field(), emit.event()));
      }
    }
  }

  private static void checkView(View view, Reporter report) {
    String add = "add `%s` to the fields of view `" + view.name() + "`";
    for (Assignment.SetValue set : view.set()) {
      if (view.field(set.field()).isEmpty()) {
        unknown(
            report,
            set,
            "View `%s` sets `%s`, but has no such field.".formatted(view.name(), set.field()),
            view.fields(),
            add.formatted(set.field()));
      }
    }
    for (ViewHandler handler : view.handlers()) {
      for (Assignment.SetValue set : handler.set()) {
        if (view.field(set.field()).isEmpty()) {
          unknown(
              report,
              set,
              "View `%s` sets `%s` when it handles `%s`, but has no such field."
                  .formatted(view.name(), set.field(), handler.event()),
              view.fields(),
              add.formatted(set.field()));
        }
      }
    }
  }

  private static String verb(Assignment line) {
    if (line instanceof Assignment.Upsert) {
      return "upserts into";
    }
    return line instanceof Assignment.Remove ? "removes from" : "sets";
  }

  private static void unknown(
      Reporter report, Assignment line, String message, List<Field> known, String otherwise) {
    String hint = Suggestions.didYouMean(line.field(), known.stream().map(Field::name).toList());
    report.error(line.location(), message, hint.isEmpty() ? otherwise : hint);
  }
}
