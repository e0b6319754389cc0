package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import java.util.Optional;

/** Entity collections: state fields of type {@code [Entity]}, changed by upsert and remove. */
final class EntityCollections {

  private EntityCollections() {}

  /** The entity a state field collects, when the field is of type {@code [Entity]}. */
  static Optional<TypeDef> entityOf(ModelIndex index, Aggregate aggregate, Field field) {
    if (!field.type().list()
        || index.kindOf(field.type(), Optional.of(aggregate)) != ModelIndex.TypeKind.ENTITY) {
      return Optional.empty();
    }
    return aggregate.entity(field.type().name());
  }
}
