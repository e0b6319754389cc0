package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.View;
import java.util.List;
import java.util.Optional;

/** Where keys come from: aggregates, views (explicit or from their aggregate), collections. */
public final class Keys {

  private Keys() {}

  /** The aggregate a view is kept {@code from}, when it is known. */
  public static Optional<Aggregate> source(View view, ModelIndex index) {
    return view.from().flatMap(f -> index.aggregate(f.value()));
  }

  /** A {@code from} view without {@code key} is keyed like its aggregate. */
  public static Optional<String> inheritedKey(View view, ModelIndex index) {
    if (view.key().isPresent()) {
      return Optional.empty();
    }
    return source(view, index).flatMap(Aggregate::key).map(Located::value);
  }

  /** The entity of an entity collection {@code [Entity]}, if the field is one. */
  public static Optional<TypeDef> collectionEntity(FieldSite site, ModelIndex index) {
    if (!site.field().type().list() || site.kind(index) != ModelIndex.TypeKind.ENTITY) {
      return Optional.empty();
    }
    return site.aggregate().flatMap(a -> a.entity(site.field().type().name()));
  }

  public static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }
}
