package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Optional;

/**
 * State changes only through events: a state field that no event sets, neither in {@code apply} nor
 * by carrying a field of the same name, stays empty forever. The key is exempt: every instance
 * knows its own key.
 */
public final class StateFieldNeverSet implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      if (appliesToAnUnknownField(aggregate)) {
        continue; // UnknownField reports the misspelt target; this field is likely the one meant.
      }
      for (Field field : aggregate.fields()) {
        boolean knownType =
            model.kindOf(field.type(), Optional.of(aggregate)) != ModelIndex.TypeKind.UNKNOWN;
        if (knownType && !isKey(aggregate, field) && !setByAnEvent(aggregate, field.name())) {
          report.warning(
              field.location(),
              "The field `%s` of aggregate `%s` is never set: no event has a field `%s` or sets"
                      .formatted(field.name(), aggregate.name(), field.name())
                  + " it in `apply`.",
              "add `%s` to the fields of the event that decides it, or set it in that event's"
                      .formatted(field.name())
                  + " `apply`; or remove the field");
        }
      }
    }
  }

  private static boolean appliesToAnUnknownField(Aggregate aggregate) {
    return aggregate.events().stream()
        .flatMap(e -> e.apply().stream())
        .anyMatch(a -> aggregate.field(a.field()).isEmpty());
  }

  private static boolean isKey(Aggregate aggregate, Field field) {
    return aggregate.key().map(Located::value).filter(field.name()::equals).isPresent();
  }

  private static boolean setByAnEvent(Aggregate aggregate, String field) {
    return aggregate.events().stream()
        .anyMatch(
            e ->
                e.field(field).isPresent()
                    || e.apply().stream().map(Assignment::field).anyMatch(field::equals));
  }
}
