package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelIndex.TypeKind;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Keys;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.Optional;

/**
 * Relations between views: {@code {type: OtherView, ref: f}} where {@code f} is a String field of
 * this view holding the other row's key, and {@code {type: '[OtherView]', by: g}} where {@code g}
 * is a String field of the other view holding this row's key. Only views have relations.
 */
public final class InvalidRelation implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    // A view type outside a view is MisplacedType's to report.
    for (View view : model.model().views()) {
      for (Field field : view.fields()) {
        Optional<View> other =
            model.kindOf(field.type(), Optional.empty()) == TypeKind.VIEW
                ? model.view(field.type().name())
                : Optional.empty();
        other.ifPresent(o -> check(view, field, o, report));
      }
    }
  }

  private static void check(View view, Field field, View other, Reporter report) {
    String what = "The field `%s` of view `%s`".formatted(field.name(), view.name());
    var c = field.constraints();
    if (field.type().list()) {
      c.ref().ifPresent(r -> misplaced(what, "ref", "by", r, report));
      if (c.by().isEmpty()) {
        missing(
            what,
            other,
            "by",
            "the field of `%s` that holds this row's key".formatted(other.name()),
            "`{type: '[%s]', by: <field of %s>}`".formatted(other.name(), other.name()),
            field,
            report);
      }
      c.by().ifPresent(b -> target(what, b, other, "by", report));
    } else {
      c.by().ifPresent(b -> misplaced(what, "by", "ref", b, report));
      if (c.ref().isEmpty()) {
        missing(
            what,
            other,
            "ref",
            "the field of `%s` that holds the key of `%s`".formatted(view.name(), other.name()),
            "`{type: %s, ref: <field of %s>}`".formatted(other.name(), view.name()),
            field,
            report);
      }
      c.ref().ifPresent(r -> target(what, r, view, "ref", report));
    }
  }

  private static void misplaced(
      String what, String option, String instead, Located<String> value, Reporter report) {
    report.error(
        value.location(),
        "%s has `%s`, which %s."
            .formatted(
                what,
                option,
                option.equals("ref")
                    ? "relates to one row, but its type is a list of rows"
                    : "relates to a list of rows, but its type is a single row"),
        "write `%s:` instead, or change the type".formatted(instead));
  }

  private static void missing(
      String what,
      View other,
      String option,
      String names,
      String example,
      Field field,
      Reporter report) {
    report.error(
        field.type().location(),
        "%s relates to view `%s` but has no `%s` naming %s."
            .formatted(what, other.name(), option, names),
        "write " + example);
  }

  /** {@code ref}/{@code by} must name a String field of {@code holder}. */
  private static void target(
      String what, Located<String> name, View holder, String option, Reporter report) {
    Optional<Field> target = holder.field(name.value());
    if (target.isEmpty()) {
      String guess = Suggestions.didYouMean(name.value(), Keys.names(holder.fields()));
      report.error(
          name.location(),
          "%s has `%s: %s`, but view `%s` has no field `%s`."
              .formatted(what, option, name.value(), holder.name(), name.value()),
          guess.isEmpty() ? "name a field of view `%s`".formatted(holder.name()) : guess);
    } else if (!Types.isString(target.get().type())) {
      report.error(
          name.location(),
          "%s has `%s: %s`, but that field of view `%s` is %s; it must hold a key, a `String`."
              .formatted(
                  what, option, name.value(), holder.name(), Types.quoted(target.get().type())),
          "name a String field",
          target.get().location());
    }
  }
}
