package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.FieldData;
import dev.tracepaper.text.Escapes;
import java.util.Optional;

/**
 * The Java of one field: its record component and how the generated JSON code reads and writes it
 * (through the runtime's {@code JsonValues}, no reflection).
 */
final class FieldCode {

  /** Whether a record component may be absent (boxed) or always has a value (primitive). */
  enum Presence {
    ALWAYS,
    MAYBE_ABSENT
  }

  private final TypeMapping types;

  FieldCode(TypeMapping types) {
    this.types = types;
  }

  FieldData data(
      Field field, Optional<Aggregate> owner, Presence presence, boolean requiredInInput) {
    TypeRef type = field.type();
    String member = JavaNames.member(field.name());
    String key = Escapes.javaString(field.name());
    return new FieldData(
        field.name(),
        member,
        types.java(type, owner, presence == Presence.MAYBE_ABSENT),
        types.graphql(type, owner, false, false),
        types.graphql(type, owner, requiredInInput, true),
        requiredInInput,
        field.constraints().description().orElse(""),
        read(type, owner, key),
        write(type, owner, key, "value." + member + "()"));
  }

  /** The runtime's reader of a JSON property, e.g. {@code JsonValues.integer(json, "copies")}. */
  private String read(TypeRef type, Optional<Aggregate> owner, String key) {
    if (type.list()) {
      return "JsonValues.list(json, " + key + ", " + elementReader(type, owner) + ")";
    }
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return "JsonValues." + scalar(builtin.get()) + "(json, " + key + ")";
    }
    String javaClass = types.javaClass(type, owner).simpleName();
    return types.kind(type, owner) == ModelIndex.TypeKind.ENUM
        ? "JsonValues.enumValue(json, " + key + ", " + javaClass + "::valueOf)"
        : "JsonValues.object(json, " + key + ", " + javaClass + "::fromJson)";
  }

  private String elementReader(TypeRef type, Optional<Aggregate> owner) {
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return "JsonValues::" + asScalar(builtin.get());
    }
    String javaClass = types.javaClass(type, owner).simpleName();
    return types.kind(type, owner) == ModelIndex.TypeKind.ENUM
        ? "element -> " + javaClass + ".valueOf(element.asText())"
        : javaClass + "::fromJson";
  }

  private String write(TypeRef type, Optional<Aggregate> owner, String key, String value) {
    if (type.list()) {
      return "JsonValues.putList(json, "
          + key
          + ", "
          + value
          + ", "
          + elementWriter(type, owner)
          + ");";
    }
    if (type.builtin().isPresent() || types.kind(type, owner) == ModelIndex.TypeKind.ENUM) {
      return "JsonValues.put(json, " + key + ", " + value + ");";
    }
    String javaClass = types.javaClass(type, owner).simpleName();
    return "JsonValues.put(json, " + key + ", " + value + ", " + javaClass + "::toJson);";
  }

  private String elementWriter(TypeRef type, Optional<Aggregate> owner) {
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return "JsonValues::" + ofScalar(builtin.get());
    }
    return types.kind(type, owner) == ModelIndex.TypeKind.ENUM
        ? "JsonValues::ofEnum"
        : types.javaClass(type, owner).simpleName() + "::toJson";
  }

  /**
   * Adds the classes the {@code fromJson} and {@code toJson} of a record name to {@code imports}.
   */
  static void addCodecImports(java.util.Set<String> imports, String runtimePackage) {
    imports.add("com.fasterxml.jackson.databind.JsonNode");
    imports.add("com.fasterxml.jackson.databind.node.ObjectNode");
    imports.add(runtimePackage + ".JsonValues");
  }

  /** The name of the runtime's reader of a scalar ({@code text}, {@code integer}, ...). */
  static String scalar(BuiltinType type) {
    return switch (type) {
      case String, Email, Url -> "text";
      case Int -> "integer";
      case Float -> "decimal";
      case Boolean -> "bool";
      case Date -> "date";
      case DateTime -> "dateTime";
      case Json -> "json";
    };
  }

  private static String asScalar(BuiltinType type) {
    String name = scalar(type);
    return "as" + Case.capitalize(name);
  }

  private static String ofScalar(BuiltinType type) {
    String name = scalar(type);
    return "of" + Case.capitalize(name);
  }
}
