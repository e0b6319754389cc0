package dev.tracepaper.expr;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;

/** What the translator needs to know of CEL types. */
final class JavaTypes {

  private JavaTypes() {}

  static boolean isDate(CelType type) {
    return type.equals(ModelTypes.DATE);
  }

  /** Int, Float and Boolean: Java primitives, or their boxes where a value may be absent. */
  static boolean isPrimitive(CelType type) {
    return type.kind() == CelKind.INT
        || type.kind() == CelKind.DOUBLE
        || type.kind() == CelKind.BOOL;
  }

  static String primitive(CelType type) {
    return switch (type.kind()) {
      case INT -> "long";
      case DOUBLE -> "double";
      default -> "boolean";
    };
  }

  /** A type the generated code has one Java type for: no Json ({@code dyn}), no maps. */
  static boolean isFixed(CelType type) {
    return switch (type.kind()) {
      case BOOL, INT, DOUBLE, STRING, TIMESTAMP, DURATION, STRUCT -> true;
      case OPAQUE -> isDate(type);
      case LIST -> isFixed(((ListType) type).elemType());
      default -> false;
    };
  }

  private static final String COMPUTE_WITH =
      "compute with Int, Float, String, Boolean, Date and DateTime values, durations and lists of"
          + " them";

  /** What to do instead of using a value of a type {@link #isFixed} rejects. */
  static String unfixedHint(CelType type) {
    if (type.kind() == CelKind.MAP) {
      return "build a value of a type by its name and fields: `Address{street: command.street}`";
    }
    return type.kind() == CelKind.DYN || type.kind() == CelKind.ANY
        ? "Json values can only be copied as they are (`event.notes`) or tested with `has()`; "
            + COMPUTE_WITH
        : COMPUTE_WITH;
  }

  /** How a message names a value of a type {@link #isFixed} rejects. */
  static String unfixed(CelType type) {
    return switch (type.kind()) {
      case MAP -> "a map";
      case UINT -> "an unsigned number";
      case BYTES -> "bytes";
      case DURATION -> "a duration";
      case NULL_TYPE -> "`null`";
      case LIST -> "a list of " + unfixed(((ListType) type).elemType()).replaceFirst("^an? ", "");
      case TYPE -> "a type";
      default -> "a Json value";
    };
  }
}
