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
 * this view holding the other row's key; {@code {type: '[OtherView]', by: g}} where {@code g} is a
 * String field of the other view holding this row's key, optionally with {@code prefix: p}, a text
 * field of the other view the caller may match the beginning of; and {@code {type: '[OtherView]',
 * refs: h}} where {@code h} is a {@code [String]} field of this view holding the other rows' keys.
 * Only views have relations.
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
      if (c.by().isPresent() && c.refs().isPresent()) {
        report.error(
            c.refs().get().location(),
            "%s has both `by` and `refs`; a relation finds its rows one way.".formatted(what),
            "keep `by` (the other rows hold this row's key) or `refs` (this row holds their keys)");
      } else if (c.by().isEmpty() && c.refs().isEmpty()) {
        missing(
            what,
            other,
            "by",
            "the field of `%s` that holds this row's key".formatted(other.name()),
            "`{type: '[%s]', by: <field of %s>}`, or `refs: <[String] field of %s>` when this row holds their keys"
                .formatted(other.name(), other.name(), view.name()),
            field,
            report);
      }
      c.by().ifPresent(b -> target(what, b, other, "by", report));
      c.refs().ifPresent(r -> keys(what, r, view, other, report));
      c.prefix().ifPresent(p -> prefix(what, p, c.by(), other, report));
    } else {
      c.by().ifPresent(b -> misplaced(what, "by", "ref", b, report));
      c.refs().ifPresent(r -> misplaced(what, "refs", "ref", r, report));
      c.prefix()
          .ifPresent(
              p ->
                  report.error(
                      p.location(),
                      "%s has `prefix`, which matches among a list of rows, but its type is a single row."
                          .formatted(what),
                      "remove `prefix`, or relate to `'[%s]'` with `by`".formatted(other.name())));
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

  /** {@code refs} names a {@code [String]} field of this view: the other rows' keys. */
  private static void keys(
      String what, Located<String> name, View view, View other, Reporter report) {
    Optional<Field> keys = view.field(name.value());
    if (keys.isEmpty()) {
      String guess = Suggestions.didYouMean(name.value(), Keys.names(view.fields()));
      report.error(
          name.location(),
          "%s has `refs: %s`, but view `%s` has no field `%s`."
              .formatted(what, name.value(), view.name(), name.value()),
          guess.isEmpty()
              ? "add a field `%s: '[String]'` holding the keys of `%s` rows"
                  .formatted(name.value(), other.name())
              : guess);
    } else if (!keys.get().type().list() || !keys.get().type().name().equals("String")) {
      report.error(
          name.location(),
          "%s has `refs: %s`, but that field of view `%s` is %s; it must hold the keys of `%s` rows, a `[String]`."
              .formatted(
                  what, name.value(), view.name(), Types.quoted(keys.get().type()), other.name()),
          keys.get().type().list()
              ? "make `%s` a list of the keys, `'[String]'`".formatted(name.value())
              : "one key is a `ref` relation: `{type: %s, ref: %s}`"
                  .formatted(other.name(), name.value()),
          keys.get().location());
    }
  }

  /** {@code prefix} goes with {@code by}, and names a text field of the other view. */
  private static void prefix(
      String what,
      Located<String> name,
      Optional<Located<String>> by,
      View other,
      Reporter report) {
    if (by.isEmpty()) {
      report.error(
          name.location(),
          "%s has `prefix`, but no `by`: a prefix is matched among the rows a `by` relation finds."
              .formatted(what),
          "remove `prefix`, or relate with `by: <field of %s>`".formatted(other.name()));
      return;
    }
    Optional<Field> target = other.field(name.value());
    if (target.isEmpty()) {
      String guess = Suggestions.didYouMean(name.value(), Keys.names(other.fields()));
      report.error(
          name.location(),
          "%s has `prefix: %s`, but view `%s` has no field `%s`."
              .formatted(what, name.value(), other.name(), name.value()),
          guess.isEmpty() ? "name a text field of view `%s`".formatted(other.name()) : guess);
    } else if (name.value().equals(by.get().value()) || !Types.isText(target.get().type())) {
      report.error(
          name.location(),
          "%s has `prefix: %s`, but %s."
              .formatted(
                  what,
                  name.value(),
                  name.value().equals(by.get().value())
                      ? "that is the field `by` already matches exactly"
                      : "that field of view `%s` is %s, and a prefix matches texts only"
                          .formatted(other.name(), Types.quoted(target.get().type()))),
          "name another text field of view `%s`, the one whose beginning the caller gives"
              .formatted(other.name()),
          target.get().location());
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
