package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import dev.tracepaper.validate.rules.shape.Keys;
import dev.tracepaper.validate.rules.shape.Types;
import java.util.Optional;

/**
 * Keys become parts of table keys, API arguments and event sources, all of them text: a key field
 * must be a {@code String}.
 */
public final class KeyNotString implements Rule {

  /**
   * A key field; {@code keyed} says what it keys ("Aggregate `Order`"), {@code where} where the key
   * was chosen, {@code owner} the aggregate whose entities its type may name.
   */
  private record Key(String keyed, Field field, SourceLocation where, Optional<Aggregate> owner) {}

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate a : model.model().aggregates()) {
      String keyed = "Aggregate `%s`".formatted(a.name());
      a.key()
          .ifPresent(
              k ->
                  a.field(k.value())
                      .ifPresent(
                          f ->
                              check(
                                  new Key(keyed, f, k.location(), Optional.of(a)), model, report)));
    }
    for (View view : model.model().views()) {
      String keyed = "View `%s`".formatted(view.name());
      Optional<Located<String>> explicit = view.key();
      Optional<SourceLocation> where = explicit.map(Located::location);
      explicit
          .map(Located::value)
          .or(() -> Keys.inheritedKey(view, model))
          .flatMap(view::field)
          .ifPresent(
              f ->
                  check(
                      new Key(keyed, f, where.orElse(f.type().location()), Optional.empty()),
                      model,
                      report));
    }
    for (FieldSite site : FieldSites.all(model)) {
      Optional<TypeDef> entity = Keys.collectionEntity(site, model);
      Optional<Located<String>> key = site.field().constraints().key();
      if (entity.isEmpty() || key.isEmpty()) {
        continue;
      }
      String keyed = site.capitalPhrase();
      entity
          .get()
          .field(key.get().value())
          .ifPresent(
              f -> check(new Key(keyed, f, key.get().location(), site.aggregate()), model, report));
    }
  }

  private static void check(Key key, ModelIndex model, Reporter report) {
    Field field = key.field();
    if (Types.isString(field.type())
        || model.kindOf(field.type(), key.owner()) == ModelIndex.TypeKind.UNKNOWN) {
      return;
    }
    report.error(
        key.where(),
        "%s is keyed by `%s`, which is %s; a key must be a `String`."
            .formatted(key.keyed(), field.name(), Types.quoted(field.type())),
        "make `%s` a String field, or key by another field".formatted(field.name()),
        field.type().location());
  }
}
