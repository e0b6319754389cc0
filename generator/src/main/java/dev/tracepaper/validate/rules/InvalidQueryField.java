package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Keys;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.List;
import java.util.Optional;

/**
 * A query's {@code index}, {@code sort} and {@code prefix} name fields of the view that a table
 * index can hold: texts, numbers, dates and enum values (not true/false, JSON, lists or nested
 * types); a {@code prefix} only a field stored as text (DynamoDB's {@code begins_with} matches
 * texts, not numbers).
 */
public final class InvalidQueryField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (View view : model.model().views()) {
      for (Query query : view.queries().orElse(List.of())) {
        if (query.name().equals("get") || query.name().equals("list")) {
          continue; // their index and sort are misplaced, reported by QueryOptionMisplaced
        }
        query.index().ifPresent(i -> check(view, query, "index", i, model, report));
        query.sort().ifPresent(s -> check(view, query, "sort", s, model, report));
        query.prefix().ifPresent(p -> check(view, query, "prefix", p, model, report));
      }
    }
  }

  private static void check(
      View view,
      Query query,
      String option,
      Located<String> name,
      ModelIndex model,
      Reporter report) {
    Optional<Field> field = view.field(name.value());
    if (field.isEmpty()) {
      String guess = Suggestions.didYouMean(name.value(), Keys.names(view.fields()));
      report.error(
          name.location(),
          "The query `%s` of view `%s` has `%s: %s`, but the view has no field `%s`."
              .formatted(query.name(), view.name(), option, name.value(), name.value()),
          guess.isEmpty() ? "name one of the view's fields" : guess);
      return;
    }
    ModelIndex.TypeKind kind = model.kindOf(field.get().type(), Optional.empty());
    boolean indexable =
        !field.get().type().list()
            && (kind == ModelIndex.TypeKind.ENUM
                || (kind == ModelIndex.TypeKind.BUILTIN
                    && !field.get().type().is(BuiltinType.Boolean)
                    && !field.get().type().is(BuiltinType.Json)));
    if (!indexable && kind != ModelIndex.TypeKind.UNKNOWN) {
      report.error(
          name.location(),
          "The query `%s` of view `%s` has `%s: %s`, but `%s` is %s, which a table index cannot hold."
              .formatted(
                  query.name(),
                  view.name(),
                  option,
                  name.value(),
                  name.value(),
                  Types.quoted(field.get().type())),
          "index a text, number, date or enum field",
          field.get().location());
    } else if (option.equals("prefix")
        && kind == ModelIndex.TypeKind.BUILTIN
        && field.get().type().builtin().orElseThrow().isNumeric()) {
      report.error(
          name.location(),
          "The query `%s` of view `%s` has `prefix: %s`, but `%s` is %s: a prefix matches texts only."
              .formatted(
                  query.name(),
                  view.name(),
                  name.value(),
                  name.value(),
                  Types.quoted(field.get().type())),
          "match the beginning of a text, date or enum field",
          field.get().location());
    }
  }
}
