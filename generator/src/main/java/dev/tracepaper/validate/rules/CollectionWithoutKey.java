package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import dev.tracepaper.validate.rules.shape.Keys;
import java.util.Optional;

/**
 * An entity collection in an aggregate's state is changed item by item ({@code upsert}, {@code
 * remove}), which needs to know which field identifies an item.
 */
public final class CollectionWithoutKey implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (FieldSite site : FieldSites.all(model)) {
      if (site.holder() != FieldSite.Holder.STATE || site.field().constraints().key().isPresent()) {
        continue;
      }
      Optional<TypeDef> entity = Keys.collectionEntity(site, model);
      entity.ifPresent(
          e ->
              report.error(
                  site.field().type().location(),
                  "%s is a collection of `%s` without a `key`, so its items cannot be updated or"
                          .formatted(site.capitalPhrase(), e.name())
                      + " removed one by one.",
                  e.fields().isEmpty()
                      ? "write `{type: '[%s]', key: <field of %s>}`".formatted(e.name(), e.name())
                      : "write `{type: '[%s]', key: %s}`"
                          .formatted(e.name(), e.fields().get(0).name())));
    }
  }
}
