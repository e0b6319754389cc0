package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import java.util.Locale;
import java.util.Map;

/** A field's type names no built-in type, enum, type, entity or view. */
public final class UnknownType implements Rule {

  /** Type names of other languages that domain experts reach for, and the model's word for each. */
  private static final Map<String, String> FAMILIAR =
      Map.ofEntries(
          Map.entry("integer", "Int"),
          Map.entry("long", "Int"),
          Map.entry("short", "Int"),
          Map.entry("number", "Float"),
          Map.entry("double", "Float"),
          Map.entry("decimal", "Float"),
          Map.entry("bool", "Boolean"),
          Map.entry("text", "String"),
          Map.entry("str", "String"),
          Map.entry("uuid", "String"),
          Map.entry("timestamp", "DateTime"),
          Map.entry("instant", "DateTime"),
          Map.entry("localdate", "Date"),
          Map.entry("uri", "Url"),
          Map.entry("object", "Json"),
          Map.entry("map", "Json"));

  @Override
  public void check(ModelIndex index, Reporter report) {
    for (FieldSite site : FieldSite.all(index)) {
      if (TypeUses.judge(index, site) instanceof TypeUses.Unknown unknown) {
        TypeRef type = site.field().type();
        String hint = hint(index, site, type);
        if (unknown.actually().isPresent()) {
          report.error(
              type.location(),
              "%s has type `%s`, which is %s, not a type."
                  .formatted(Words.capital(site.describe()), type, unknown.actually().get()),
              hint.isEmpty() ? "use a built-in type, an enum or a type here" : hint);
        } else {
          report.error(
              type.location(),
              "%s has type `%s`, but no type of that name is defined."
                  .formatted(Words.capital(site.describe()), type),
              hint.isEmpty()
                  ? "use a built-in type (String, Int, Float, Boolean, Date, DateTime, Email,"
                      + " Url, Json), or define `%s` under `types:` or `enums:`"
                          .formatted(type.name())
                  : hint);
        }
      }
    }
  }

  private static String hint(ModelIndex index, FieldSite site, TypeRef type) {
    String hint = Suggestions.didYouMean(type.name(), TypeUses.visibleNames(index, site));
    String familiar = FAMILIAR.get(type.name().toLowerCase(Locale.ROOT));
    return hint.isEmpty() && familiar != null ? "did you mean `%s`?".formatted(familiar) : hint;
  }
}
