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

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (Aggregate aggregate : model.model().aggregates()) {
      aggregate
          .key()
          .ifPresent(
              k ->
                  aggregate
                      .field(k.value())
                      .ifPresent(
                          f ->
                              check(
                                  new Key(f, k.location(), Optional.of(aggregate)),
                                  "aggregate `" + aggregate.name() + "`",
                                  model,
                                  report)));
    }
    for (View view : model.model().views()) {
      String owner = "view `" + view.name() + "`";
      if (view.key().isPresent()) {
        Located<String> k = view.key().get();
        view.field(k.value())
            .ifPresent(
                f -> check(new Key(f, k.location(), Optional.empty()), owner, model, report));
      } else {
        Keys.inheritedKey(view, model)
            .flatMap(view::field)
            .ifPresent(
                f ->
                    check(new Key(f, f.type().location(), Optional.empty()), owner, model, report));
      }
    }
    for (FieldSite site : FieldSites.all(model)) {
      Optional<TypeDef> entity = Keys.collectionEntity(site, model);
      site.field()
          .constraints()
          .key()
          .ifPresent(
              k ->
                  entity
                      .flatMap(e -> e.field(k.value()))
                      .ifPresent(
                          f ->
                              check(
                                  new Key(f, k.location(), site.aggregate()),
                                  "entity `%s` (the key of %s)"
                                      .formatted(entity.get().name(), site.phrase()),
                                  model,
                                  report)));
    }
  }

  /** A key field, where its use was written, and the aggregate whose entities it may name. */
  private record Key(Field field, SourceLocation where, Optional<Aggregate> owner) {}

  private static void check(Key k, String owner, ModelIndex model, Reporter report) {
    Field key = k.field();
    if (Types.isString(key.type())
        || model.kindOf(key.type(), k.owner()) == ModelIndex.TypeKind.UNKNOWN) {
      return;
    }
    report.error(
        k.where(),
        "The key `%s` of %s is %s; a key must be a `String`."
            .formatted(key.name(), owner, Types.quoted(key.type())),
        "make `%s` a String field, or key by another field".formatted(key.name()),
        key.type().location());
  }
}
