package dev.tracepaper.expr;

import dev.cel.common.types.StructType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import java.util.List;
import java.util.Optional;

/**
 * A record-like thing of the model as CEL sees it: an aggregate's state, a command's input, an
 * event, an entity, a type, a view row or the caller ({@code user}).
 *
 * @param celType the CEL struct type; its name is internal and never shown to the modeller
 * @param kind what it is: {@code state}, {@code command}, {@code event}, {@code view} (a row),
 *     {@code user}, {@code type} or {@code entity}
 * @param name the model's name for it, e.g. {@code Book}
 * @param description how messages name it, e.g. "the state of `Book`"
 * @param fields the model fields, typed as the model writes them
 * @param owner the aggregate whose entities the field types may name
 */
public record ModelStruct(
    StructType celType,
    String kind,
    String name,
    String description,
    List<Field> fields,
    Optional<Aggregate> owner) {

  public ModelStruct {
    fields = List.copyOf(fields);
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  /**
   * Whether the field always holds a value in the generated record: a number or boolean that is a
   * primitive there, as the data model gives it (render.build's {@code FieldCode.Presence}): every
   * field of an event (and of an older event version), a command's field that is required, has a
   * default or is filled in, a type's required field. {@code has()} on it is always true.
   */
  public boolean alwaysHolds(Field field) {
    boolean primitive =
        !field.type().list()
            && field.type().builtin().map(BuiltinType::isNumericOrBoolean).orElse(false);
    if (!primitive) {
      return false;
    }
    return switch (kind) {
      case "event", "eventVersion" -> true;
      case "command" -> field.alwaysSetInCommand();
      case "type" -> field.isRequired(true);
      default -> false;
    };
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }
}
