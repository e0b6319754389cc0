package dev.tracepaper.model;

import java.util.Arrays;
import java.util.Optional;

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

  public static Optional<BuiltinType> named(java.lang.String name) {
    return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
  }

  public boolean isNumeric() {
    return this == Int || this == Float;
  }

  public boolean isText() {
    return this == String || this == Email || this == Url;
  }
}
