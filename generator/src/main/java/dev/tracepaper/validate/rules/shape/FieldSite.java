package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import java.util.Optional;

/**
 * A field together with what holds it, so that rules can speak of "the field `copies` of command
 * `RegisterBook`" and resolve entity types from the right aggregate.
 */
public record FieldSite(
    Field field, Holder holder, String ownerPhrase, Optional<Aggregate> aggregate) {

  /** What kind of element holds the field. */
  public enum Holder {
    STATE,
    ENTITY,
    EVENT,
    COMMAND,
    TYPE,
    VIEW
  }

  /** "the field `copies` of command `RegisterBook`" */
  public String phrase() {
    return "the field `%s` of %s".formatted(field.name(), ownerPhrase);
  }

  /** "The field `copies` of command `RegisterBook`" */
  public String capitalPhrase() {
    return "The field `%s` of %s".formatted(field.name(), ownerPhrase);
  }

  public ModelIndex.TypeKind kind(ModelIndex index) {
    return index.kindOf(field.type(), aggregate);
  }
}
