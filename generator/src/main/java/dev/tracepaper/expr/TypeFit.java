package dev.tracepaper.expr;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;

/** Whether a value of one CEL type may go where another is expected. */
public final class TypeFit {

  private TypeFit() {}

  /**
   * True when {@code actual} fits {@code expected}: the same type, an Int where a Float is
   * expected, or a value whose type is only known at run time ({@code dyn}, e.g. from a Json
   * field). {@code null} fits nowhere: the model has no null values.
   */
  public static boolean fits(CelType expected, CelType actual) {
    if (isOpen(actual) || isOpen(expected)) {
      return true;
    }
    if (expected.kind() == CelKind.DOUBLE && actual.kind() == CelKind.INT) {
      return true;
    }
    if (expected.kind() != actual.kind()) {
      return false;
    }
    return switch (expected.kind()) {
      case LIST -> fits(((ListType) expected).elemType(), ((ListType) actual).elemType());
      case STRUCT, OPAQUE -> expected.name().equals(actual.name());
      default -> true;
    };
  }

  private static boolean isOpen(CelType type) {
    return switch (type.kind()) {
      case DYN, ANY, ERROR, TYPE_PARAM, UNSPECIFIED -> true;
      default -> false;
    };
  }
}
