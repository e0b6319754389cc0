package dev.tracepaper.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scalar types of the model language. */
public enum BuiltinType {
  String,
  Int,
  Float,
  Boolean,
  Date,
  DateTime,
  Email,
  Url,
  Json;

  private static final Map<java.lang.String, BuiltinType> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, t -> t));

  public static Optional<BuiltinType> named(java.lang.String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public boolean isNumeric() {
    return this == Int || this == Float;
  }

  /** A number or a boolean: a value that is a Java primitive wherever it cannot be absent. */
  public boolean isNumericOrBoolean() {
    return isNumeric() || this == Boolean;
  }

  public boolean isText() {
    return this == String || this == Email || this == Url;
  }
}
