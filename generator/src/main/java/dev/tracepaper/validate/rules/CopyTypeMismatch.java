package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Keys;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.Optional;

/**
 * A value copied by name must keep its type: from a command (or triggering event) or the state into
 * an emitted event, from an event into the state by {@code apply}, from the state into a {@code
 * from} view. Values of {@code let} variables are typed by the expression rules.
 */
public final class CopyTypeMismatch implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    FlowSite.all(model).forEach(site -> checkEmits(site, model, report));
    model.model().aggregates().forEach(a -> checkApply(a, model, report));
    model.model().views().forEach(v -> checkView(v, model, report));
  }

  private static void checkEmits(FlowSite site, ModelIndex model, Reporter report) {
    for (Emit emit : site.flow().emits()) {
      Optional<Event> event = Copying.event(site, emit);
      if (event.isEmpty()) {
        continue;
      }
      for (Copying.Resolved r : Copying.resolve(site, emit, event.get())) {
        Field target = r.field();
        if (r.from() == Copying.From.KEY
            && known(target.type(), site.aggregate(), model)
            && !Types.isString(target.type())) {
          report.error(
              emit.location(),
              "%s emits `%s`, whose field `%s` takes the key given by `key:`, a `String`; but the"
                      .formatted(Phrases.capital(site.phrase()), emit.event(), target.name())
                  + " event field is %s.".formatted(Types.quoted(target.type())),
              "make the event field a String, or map it in `emits`",
              target.location());
        }
        if (r.source().isEmpty() || !differ(target, r.source().get(), site.aggregate(), model)) {
          continue;
        }
        String from =
            r.from() == Copying.From.INPUT
                ? "its " + site.inputPhrase()
                : "the state field of aggregate `%s`".formatted(site.aggregate().name());
        report.error(
            emit.location(),
            "%s emits `%s`, whose field `%s` is %s, but copies it from %s `%s`, which is %s."
                .formatted(
                    Phrases.capital(site.phrase()),
                    emit.event(),
                    target.name(),
                    Types.quoted(target.type()),
                    from,
                    r.source().get().name(),
                    Types.quoted(r.source().get().type())),
            "give both fields the same type, or map it in `emits`: `- %s: {%s: <expression>}`"
                .formatted(emit.event(), target.name()),
            target.location(),
            r.source().get().location());
      }
    }
  }

  private static void checkApply(Aggregate aggregate, ModelIndex model, Reporter report) {
    for (Event event : aggregate.events()) {
      for (Field field : event.fields()) {
        boolean mapped =
            event.apply().stream().map(Assignment::field).anyMatch(field.name()::equals);
        Optional<Field> state = aggregate.field(field.name());
        if (mapped || state.isEmpty() || !differ(field, state.get(), aggregate, model)) {
          continue;
        }
        report.error(
            field.location(),
            "Event `%s` copies its field `%s` into the state of aggregate `%s`, but the event field"
                    .formatted(event.name(), field.name(), aggregate.name())
                + " is %s and the state field %s."
                    .formatted(Types.quoted(field.type()), Types.quoted(state.get().type())),
            "give both fields the same type, or map it in `apply`: `%s: <expression>`"
                .formatted(field.name()),
            state.get().location());
      }
    }
  }

  private static void checkView(View view, ModelIndex model, Reporter report) {
    Optional<Aggregate> source = Keys.source(view, model);
    if (source.isEmpty()) {
      return;
    }
    for (Field field : view.fields()) {
      boolean computedOrRelation =
          view.set().stream().anyMatch(s -> s.field().equals(field.name()))
              || model.kindOf(field.type(), Optional.empty()) == ModelIndex.TypeKind.VIEW;
      Optional<Field> state = source.get().field(field.name());
      if (computedOrRelation
          || state.isEmpty()
          || !differ(field, state.get(), source.get(), model)) {
        continue;
      }
      SourceLocation where = field.type().location();
      report.error(
          where,
          "View `%s` copies `%s` from the state of aggregate `%s`, but the view field is %s and"
                  .formatted(
                      view.name(), field.name(), source.get().name(), Types.quoted(field.type()))
              + " the state field %s.".formatted(Types.quoted(state.get().type())),
          "give both fields the same type, or compute it with `set`",
          state.get().location());
    }
  }

  /** True when both types are known and differ; unknown types are reported elsewhere. */
  private static boolean differ(Field a, Field b, Aggregate owner, ModelIndex model) {
    return known(a.type(), owner, model)
        && known(b.type(), owner, model)
        && !Types.same(a.type(), b.type());
  }

  private static boolean known(TypeRef type, Aggregate owner, ModelIndex model) {
    return model.kindOf(type, Optional.of(owner)) != ModelIndex.TypeKind.UNKNOWN;
  }
}
