package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.TypeRef;
import java.util.Optional;

/** Small questions about field types. */
public final class Types {

  private Types() {}

  /** Same type as written: same name, both lists or both single. */
  public static boolean same(TypeRef a, TypeRef b) {
    return a.name().equals(b.name()) && a.list() == b.list();
  }

  /** The built-in type of a single (non-list) value, if it is one. */
  public static Optional<BuiltinType> single(TypeRef type) {
    return type.list() ? Optional.empty() : type.builtin();
  }

  public static boolean isText(TypeRef type) {
    return single(type).filter(BuiltinType::isText).isPresent();
  }

  public static boolean isNumeric(TypeRef type) {
    return single(type).filter(BuiltinType::isNumeric).isPresent();
  }

  public static boolean isString(TypeRef type) {
    return type.is(BuiltinType.String);
  }

  /** "`Int`" or "`[Loan]`" */
  public static String quoted(TypeRef type) {
    return "`" + type + "`";
  }
}
