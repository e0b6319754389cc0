package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
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
    for (FieldSite site : FieldSites.all(index)) {
      if (TypeUses.judge(index, site) instanceof TypeUses.Unknown unknown) {
        TypeRef type = site.field().type();
        String hint = hint(index, site, type);
        if (unknown.actually().isPresent()) {
          report.error(
              type.location(),
              "%s has type `%s`, which is %s, not a type."
                  .formatted(Words.capital(site.phrase()), type, unknown.actually().get()),
              !hint.isEmpty()
                  ? hint
                  : unknown.actually().get().equals("an aggregate")
                      ? "hold the aggregate's key (a `String`) here"
                      : "use a built-in type, an enum or a type here");
        } else {
          report.error(
              type.location(),
              "%s has type `%s`, but no type of that name is defined."
                  .formatted(Words.capital(site.phrase()), type),
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
    if (!hint.isEmpty() || familiar != null) {
      return hint.isEmpty() ? "did you mean `%s`?".formatted(familiar) : hint;
    }
    // A near miss of a view, where no view may stand, deserves a word on why it is not offered.
    return Suggestions.closest(type.name(), index.viewNames())
        .map(
            view ->
                "`%s` is a view, and only the fields of a view can refer to one; hold its key here"
                    .formatted(view))
        .orElse("");
  }
}
