package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.List;
import java.util.Optional;

/**
 * Every field of the next version gets a value from an older payload: a line of the {@code upcast},
 * or the field of {@code old} with the same name and type, copied. A field that gets neither would
 * read as nothing from every event stored with the older version.
 */
public final class UnfilledUpcastField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Event event : model.model().events().toList()) {
      for (EventVersion version : event.versions()) {
        event
            .fieldsOfVersion(version.version() + 1)
            .ifPresent(next -> check(event, version, next, report));
      }
    }
  }

  private static void check(Event event, EventVersion version, List<Field> next, Reporter report) {
    for (Field field : next) {
      boolean given =
          version.upcast().stream()
              .anyMatch(l -> l instanceof Assignment.SetValue s && s.field().equals(field.name()));
      if (given) {
        continue;
      }
      Optional<Field> old =
          version.fields().stream().filter(f -> f.name().equals(field.name())).findFirst();
      String of = UpcastPhrases.of(event, version);
      String into = UpcastPhrases.next(event, version);
      if (old.isEmpty()) {
        report.error(
            version.location(),
            "The field `%s` of %s gets no value from %s: it has no field `%s` and its `upcast` does not give it."
                .formatted(field.name(), into, of, field.name()),
            "add an upcast line, e.g. a default: `%s: %s`"
                .formatted(field.name(), example(field.type())),
            field.location());
      } else if (!sameType(old.get().type(), field.type())) {
        report.error(
            version.location(),
            "The field `%s` is %s in %s but %s in %s, so it cannot be copied."
                .formatted(field.name(), old.get().type(), of, field.type(), into),
            "convert it in `upcast`: `%s: %s`"
                .formatted(field.name(), conversion(field.type(), "old." + field.name())),
            old.get().location(),
            field.location());
      }
    }
  }

  private static boolean sameType(TypeRef a, TypeRef b) {
    return a.name().equals(b.name()) && a.list() == b.list();
  }

  /** CEL converting {@code value} into {@code type}, where CEL has a conversion function. */
  private static String conversion(TypeRef type, String value) {
    if (type.list()) {
      return "<CEL over " + value + ">";
    }
    return type.builtin()
        .map(
            b ->
                switch (b) {
                  case String -> "string(" + value + ")";
                  case Int -> "int(" + value + ")";
                  case Float -> "double(" + value + ")";
                  default -> "<CEL over " + value + ">";
                })
        .orElse("<CEL over " + value + ">");
  }

  /** A value of the type, as an upcast line writes it in YAML. */
  private static String example(TypeRef type) {
    if (type.list()) {
      return "[]";
    }
    return type.builtin()
        .map(
            b ->
                switch (b) {
                  case String, Email, Url -> "\"''\"";
                  case Int -> "0";
                  case Float -> "0.0";
                  case Boolean -> "false";
                  case Date, DateTime, Json -> "<CEL over old>";
                })
        .orElse("<CEL over old>");
  }
}
