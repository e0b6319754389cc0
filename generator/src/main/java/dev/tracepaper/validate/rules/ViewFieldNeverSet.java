package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Keys;
import java.util.Optional;

/**
 * A view field must get a value: copied from the aggregate's state or set by {@code set} (a {@code
 * from} view), or set by some handler (an {@code on} view, whose key field is set by the handlers'
 * {@code key}). Relations are resolved when read and never stored.
 */
public final class ViewFieldNeverSet implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      if (setsAnUnknownField(view)) {
        continue; // UnknownField reports the misspelt target; this field is likely the one meant.
      }
      boolean fromOnly = view.from().isPresent() && view.handlers().isEmpty();
      boolean onOnly =
          view.from().isEmpty() && !view.handlers().isEmpty() && view.key().isPresent();
      Optional<Aggregate> source = Keys.source(view, model);
      for (Field field : view.fields()) {
        ModelIndex.TypeKind kind = model.kindOf(field.type(), source);
        if (kind == ModelIndex.TypeKind.VIEW
            || kind == ModelIndex.TypeKind.UNKNOWN
            || isKey(view, field)) {
          continue;
        }
        if (fromOnly && source.isPresent() && !setFrom(view, source.get(), field)) {
          report.warning(
              field.location(),
              "The field `%s` of view `%s` is never set: aggregate `%s` has no field `%s` and"
                      .formatted(field.name(), view.name(), source.get().name(), field.name())
                  + " `set` does not set it.",
              "set it with `set: {%s: <expression>}`, or remove it".formatted(field.name()));
        }
        if (onOnly && !setOn(view, field)) {
          report.warning(
              field.location(),
              "The field `%s` of view `%s` is never set: no handler under `on` sets it."
                  .formatted(field.name(), view.name()),
              "set it in a handler, `set: {%s: <expression>}`, or remove it"
                  .formatted(field.name()));
        }
      }
    }
  }

  private static boolean setsAnUnknownField(View view) {
    return java.util.stream.Stream.concat(
            view.set().stream(), view.handlers().stream().flatMap(h -> h.set().stream()))
        .anyMatch(s -> view.field(s.field()).isEmpty());
  }

  private static boolean setFrom(View view, Aggregate source, Field field) {
    return source.field(field.name()).isPresent()
        || view.set().stream().anyMatch(s -> s.field().equals(field.name()));
  }

  /** The key field is set by the handlers' {@code key}, or reported by KeyNotAField. */
  private static boolean isKey(View view, Field field) {
    return view.key().map(Located::value).filter(field.name()::equals).isPresent();
  }

  private static boolean setOn(View view, Field field) {
    return view.handlers().stream()
        .flatMap(h -> h.set().stream())
        .anyMatch(s -> s.field().equals(field.name()));
  }
}
