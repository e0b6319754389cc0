package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.TypeRef;
import java.util.Optional;

/**
 * What the translation of an object literal ({@code Address{street: command.street}}) needs from
 * the generated code around it: the record class of a value type or entity, and how a CEL value
 * becomes a component of it (text into an enum, an Int into a Float). The generator answers with
 * the project's classes; {@link #plain()} with the model's own names.
 */
public interface JavaValues {

  /** The simple name of the record of a value type or entity, imported where it is used. */
  String record(ModelStruct struct);

  /**
   * {@code code}, a value of CEL type {@code type}, as a field of model type {@code target} holds
   * it.
   */
  String into(String code, CelType type, TypeRef target, Optional<Aggregate> owner);

  /** Records and enums by their model names; values converted only from text into an enum. */
  static JavaValues plain() {
    return new JavaValues() {
      @Override
      public String record(ModelStruct struct) {
        return struct.name();
      }

      @Override
      public String into(String code, CelType type, TypeRef target, Optional<Aggregate> owner) {
        return code;
      }
    };
  }
}
