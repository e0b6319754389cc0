package dev.tracepaper.validate.rules;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import dev.tracepaper.validate.rules.shape.Keys;
import java.util.List;
import java.util.Optional;

/**
 * A key must be one of the fields it identifies by: an aggregate's key one of its fields, a view's
 * key one of the view's fields (and, for a {@code from} view, of the aggregate's state), an entity
 * collection's key one of the entity's fields.
 */
public final class KeyNotAField implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    model.model().aggregates().forEach(a -> checkAggregate(a, report));
    model.model().views().forEach(v -> checkView(v, model, report));
    for (FieldSite site : FieldSites.all(model)) {
      Optional<Located<String>> key = site.field().constraints().key();
      Optional<TypeDef> entity = Keys.collectionEntity(site, model);
      if (key.isPresent()
          && entity.isPresent()
          && entity.get().field(key.get().value()).isEmpty()) {
        report.error(
            key.get().location(),
            "%s is a collection of `%s` keyed by `%s`, but entity `%s` has no field `%s`."
                .formatted(
                    site.capitalPhrase(),
                    entity.get().name(),
                    key.get().value(),
                    entity.get().name(),
                    key.get().value()),
            hint(key.get().value(), entity.get().fields()));
      }
    }
  }

  private static void checkAggregate(Aggregate aggregate, Reporter report) {
    aggregate
        .key()
        .filter(k -> aggregate.field(k.value()).isEmpty())
        .ifPresent(
            k ->
                report.error(
                    k.location(),
                    "Aggregate `%s` is keyed by `%s`, but has no field `%s`."
                        .formatted(aggregate.name(), k.value(), k.value()),
                    hint(k.value(), aggregate.fields())));
  }

  private static void checkView(View view, ModelIndex model, Reporter report) {
    Optional<Aggregate> source = Keys.source(view, model);
    if (view.key().isPresent()) {
      Located<String> key = view.key().get();
      if (view.field(key.value()).isEmpty()) {
        report.error(
            key.location(),
            "View `%s` is keyed by `%s`, but has no field `%s`."
                .formatted(view.name(), key.value(), key.value()),
            hint(key.value(), view.fields()));
      } else if (source.isPresent() && !fromStateOrSet(view, source.get(), key.value())) {
        report.error(
            key.location(),
            "View `%s` is kept from aggregate `%s` and keyed by `%s`, but `%s` has no field `%s`."
                .formatted(
                    view.name(),
                    source.get().name(),
                    key.value(),
                    source.get().name(),
                    key.value()),
            "key the view by a field of the state of `%s`, or leave `key` out to use `%s`"
                .formatted(
                    source.get().name(), source.get().key().map(Located::value).orElse("its key")));
      }
      return;
    }
    Keys.inheritedKey(view, model)
        .filter(k -> view.field(k).isEmpty())
        .ifPresent(
            k ->
                report.error(
                    view.location(),
                    "View `%s` has no `key`, so it is keyed like aggregate `%s`, by `%s`; but the"
                            .formatted(view.name(), source.get().name(), k)
                        + " view has no field `%s`.".formatted(k),
                    "add `%s: String` to its fields, or name another field with `key:`"
                        .formatted(k)));
  }

  private static boolean fromStateOrSet(View view, Aggregate source, String field) {
    return source.field(field).isPresent()
        || view.set().stream().anyMatch(s -> s.field().equals(field));
  }

  private static String hint(String wrong, List<Field> fields) {
    String guess = Suggestions.didYouMean(wrong, Keys.names(fields));
    return guess.isEmpty() ? "name one of its fields, or add the field" : guess;
  }
}
