package dev.tracepaper.validate.rules;

import dev.tracepaper.model.AutoFill;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelIndex.TypeKind;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.Optional;

/**
 * Each constraint fits some types only: lengths and patterns texts, {@code min}/{@code max}
 * numbers, item counts lists, {@code key} entity collections, {@code ref}/{@code by} relations to
 * views, and each {@code autoFill} the type of the value it makes.
 */
public final class ConstraintNotApplicable implements Rule {

  private static final String TEXT = "it limits a text (String, Email, Url)";
  private static final String NUMBER = "it limits a number (Int, Float)";
  private static final String LIST = "it limits the number of items of a list";

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      TypeKind kind = site.kind(model);
      if (kind != TypeKind.UNKNOWN) {
        check(site, kind, report);
      }
    }
  }

  private static void check(FieldSite site, TypeKind kind, Reporter report) {
    Constraints c = site.field().constraints();
    TypeRef type = site.field().type();
    boolean text = Types.isText(type);
    boolean number = Types.isNumeric(type);
    boolean list = type.list();
    String instead = insteadHint(type);
    unless(text, c.minLength(), "minLength", TEXT, instead, site, report);
    unless(text, c.maxLength(), "maxLength", TEXT, instead, site, report);
    unless(text, c.pattern(), "pattern", "it checks a text", "remove it", site, report);
    unless(number, c.min(), "min", NUMBER, instead, site, report);
    unless(number, c.max(), "max", NUMBER, instead, site, report);
    unless(list, c.minItems(), "minItems", LIST, instead, site, report);
    unless(list, c.maxItems(), "maxItems", LIST, instead, site, report);
    boolean collection = list && kind == TypeKind.ENTITY;
    unless(
        collection,
        c.key(),
        "key",
        "it names the key of a collection of entities (a field of type `[<Entity>]`)",
        "remove it",
        site,
        report);
    boolean view = kind == TypeKind.VIEW;
    unless(view, c.ref(), "ref", "it relates to another view", "remove it", site, report);
    unless(view, c.by(), "by", "it relates to another view", "remove it", site, report);
    unless(view, c.refs(), "refs", "it relates to another view", "remove it", site, report);
    unless(view, c.prefix(), "prefix", "it relates to another view", "remove it", site, report);
    c.autoFill().ifPresent(fill -> autoFill(fill, type, site, report));
  }

  private static void unless(
      boolean fits,
      Optional<? extends Located<?>> constraint,
      String name,
      String why,
      String hint,
      FieldSite site,
      Reporter report) {
    if (fits || constraint.isEmpty()) {
      return;
    }
    report.error(
        constraint.get().location(),
        "`%s` does not apply to %s, which is %s: %s."
            .formatted(name, site.phrase(), Types.quoted(site.field().type()), why),
        hint);
  }

  private static String insteadHint(TypeRef type) {
    if (type.list()) {
      return "to limit a list, use `minItems` and `maxItems`";
    }
    if (Types.isText(type)) {
      return "to limit a text, use `minLength` and `maxLength`";
    }
    if (Types.isNumeric(type)) {
      return "to limit a number, use `min` and `max`";
    }
    return "remove it";
  }

  private static void autoFill(
      Located<AutoFill> fill, TypeRef type, FieldSite site, Reporter report) {
    boolean fits =
        switch (fill.value()) {
          case uuid, username, userId -> Types.isString(type);
          case now -> type.is(BuiltinType.DateTime) || type.is(BuiltinType.Date);
        };
    if (fits) {
      return;
    }
    String makes = fill.value() == AutoFill.now ? "a `DateTime` (or a `Date`)" : "a `String`";
    report.error(
        fill.location(),
        "`autoFill: %s` does not fit %s, which is %s: it makes %s."
            .formatted(fill.value(), site.phrase(), Types.quoted(type), makes),
        fill.value() == AutoFill.now
            ? "make the field a DateTime or a Date"
            : "make the field a String");
  }
}
