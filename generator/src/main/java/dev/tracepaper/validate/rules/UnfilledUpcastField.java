package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.UpcastFields;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * Every field of the next version gets a value from an older payload: a line of the {@code upcast},
 * the field of {@code old} with the same name and type, copied, or, for a value type whose older
 * form is another type, built from the older value field by field by the same rules (lines give its
 * fields by their dotted path). A field that gets none would read as nothing from every event
 * stored with the older version.
 */
public final class UnfilledUpcastField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Event event : model.model().events().toList()) {
      for (EventVersion version : event.versions()) {
        for (UpcastFields.Unfilled unfilled :
            UpcastFields.unfilled(UpcastFields.of(model, event, version))) {
          report(event, version, unfilled, report);
        }
      }
    }
  }

  private static void report(
      Event event, EventVersion version, UpcastFields.Unfilled unfilled, Reporter report) {
    Field field = unfilled.field();
    String path = unfilled.path();
    String of = UpcastPhrases.of(event, version);
    String into = UpcastPhrases.next(event, version);
    // A nested field is found in the older value that holds it, which is also `old` in its line.
    String searched =
        unfilled.holder().map(h -> "its `%s` (%s)".formatted(parent(path), h.name())).orElse("it");
    switch (unfilled.reason()) {
      case NO_FIELD ->
          report.error(
              version.location(),
              "The field `%s` of %s gets no value from %s: %s has no field `%s` and its `upcast` does not give it."
                  .formatted(path, into, of, searched, field.name()),
              "add an upcast line, e.g. a default: `%s: %s`".formatted(path, example(field.type())),
              field.location());
      case OTHER_TYPE -> {
        Field old = unfilled.old().orElseThrow();
        report.error(
            version.location(),
            "The field `%s` is %s in %s but %s in %s, so it cannot be copied."
                .formatted(path, old.type(), of, field.type(), into),
            "convert it in `upcast`: `%s: %s`"
                .formatted(path, conversion(field.type(), "old." + field.name())),
            old.location(),
            field.location());
      }
      case SELF_NESTED -> {
        Field old = unfilled.old().orElseThrow();
        report.error(
            version.location(),
            "The field `%s` holds %s again inside %s in %s: a type that holds itself cannot be converted field by field into %s."
                .formatted(path, old.type(), holderName(unfilled), of, into),
            "a type that holds itself keeps the shape stored events have: give `%s` the fields of `%s`, and put new ones in a type of another name"
                .formatted(field.type().name(), old.type().name()),
            old.location(),
            field.location());
      }
    }
  }

  private static String holderName(UpcastFields.Unfilled unfilled) {
    return unfilled.holder().map(h -> "`" + h.name() + "`").orElse("the payload");
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('.'));
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
