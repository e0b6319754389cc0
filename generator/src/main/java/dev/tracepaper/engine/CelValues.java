package dev.tracepaper.engine;

import dev.cel.common.types.CelType;
import dev.cel.common.values.CelValue;
import dev.cel.common.values.NullValue;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.expr.ModelTypes;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.AwsScalars;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.TypeRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values between their stored form (JSON, as the runtime stores events, states and rows) and the
 * form CEL evaluates: {@code Int} a long, {@code Float} a double, {@code Date} a LocalDate, {@code
 * DateTime} an Instant, enums their name, records {@link ModelRecord}s.
 */
final class CelValues {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ModelTypes types;

  CelValues(ModelTypes types) {
    this.types = types;
  }

  ModelTypes types() {
    return types;
  }

  /** The record of {@code type} holding the fields of {@code json} (absent ones as the record). */
  ModelRecord record(CelType type, JsonNode json) {
    ModelStruct struct = types.struct(type).orElseThrow();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Field field : struct.fields()) {
      Object value = toCel(json == null ? null : json.get(field.name()), field, struct);
      if (value != null) {
        fields.put(field.name(), value);
      }
    }
    return new ModelRecord(struct, fields);
  }

  /**
   * {@code json} as the generated record of {@code type} writes it after reading it: lists always
   * (empty when absent), the numbers and booleans it always holds, dates and times in stored form.
   */
  ObjectNode canonical(CelType type, JsonNode json) {
    return (ObjectNode) toJson(record(type, json), new TypeRef("Json", false, SOURCELESS));
  }

  private static final dev.tracepaper.source.SourceLocation SOURCELESS =
      dev.tracepaper.source.SourceLocation.NONE;

  private Object toCel(JsonNode json, Field field, ModelStruct struct) {
    Object value = toCel(json, field.type(), struct.owner());
    if (value == null && struct.alwaysHolds(field)) {
      return empty(field.type()).orElse(null);
    }
    return value;
  }

  /** The value of a field of this type; {@code null} for none (a list: empty). */
  Object toCel(JsonNode json, TypeRef type, Optional<Aggregate> owner) {
    if (type.list()) {
      List<Object> items = new ArrayList<>();
      if (json != null && json.isArray()) {
        TypeRef element = new TypeRef(type.name(), false, type.location());
        json.forEach(i -> items.add(toCel(i, element, owner)));
      }
      return List.copyOf(items.stream().map(i -> i == null ? NullValue.NULL_VALUE : i).toList());
    }
    if (json == null || json.isNull() || json.isMissingNode()) {
      return null;
    }
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case Int -> json.asLong();
        case Float -> json.asDouble();
        case Boolean -> json.asBoolean();
        case Date -> AwsScalars.date(json.asString()).orElse(null);
        case DateTime -> AwsScalars.dateTime(json.asString()).orElse(null);
        case Json -> plain(json);
        default -> json.asString();
      };
    }
    CelType celType = types.of(type, owner);
    if (types.struct(celType).isPresent()) {
      return record(celType, json);
    }
    return json.isString() ? json.asString() : plain(json);
  }

  /** {@code 0}, {@code 0.0}, {@code false} or an empty list: what a record holds for none. */
  static Optional<Object> empty(TypeRef type) {
    if (type.list()) {
      return Optional.of(List.of());
    }
    return type.builtin()
        .flatMap(
            t ->
                switch (t) {
                  case Int -> Optional.<Object>of(0L);
                  case Float -> Optional.<Object>of(0.0);
                  case Boolean -> Optional.<Object>of(false);
                  default -> Optional.<Object>empty();
                });
  }

  /** A Json value as CEL's {@code dyn}: maps, lists, longs, doubles, strings, booleans. */
  static Object plain(JsonNode json) {
    if (json == null || json.isNull()) {
      return NullValue.NULL_VALUE;
    }
    if (json.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (json.isArray()) {
      List<Object> list = new ArrayList<>();
      json.forEach(i -> list.add(plain(i)));
      return list;
    }
    if (json.isIntegralNumber()) {
      return json.asLong();
    }
    if (json.isNumber()) {
      return json.asDouble();
    }
    if (json.isBoolean()) {
      return json.asBoolean();
    }
    return json.asString();
  }

  /** The stored form of a CEL value going into a field of {@code type}; null for none. */
  JsonNode toJson(Object value, TypeRef type) {
    if (value == null || value instanceof NullValue) {
      return null;
    }
    if (value instanceof CelValue cel && !(value instanceof ModelRecord)) {
      return toJson(cel.value(), type);
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      TypeRef element = new TypeRef(type.name(), false, type.location());
      list.forEach(i -> array.add(orNull(toJson(i, element))));
      return array;
    }
    if (value instanceof ModelRecord record) {
      ObjectNode object = NODES.objectNode();
      for (Field field : record.struct().fields()) {
        JsonNode json = toJson(record.value().get(field.name()), field.type());
        if (json != null) {
          object.set(field.name(), json);
        }
      }
      return object;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((k, v) -> object.set(String.valueOf(k), orNull(toJson(v, dyn(type)))));
      return object;
    }
    boolean isFloat = !type.list() && type.is(BuiltinType.Float);
    if (value instanceof Long l) {
      return isFloat ? NODES.numberNode(l.doubleValue()) : NODES.numberNode(l);
    }
    if (value instanceof Integer i) {
      return isFloat ? NODES.numberNode(i.doubleValue()) : NODES.numberNode(i.longValue());
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof LocalDate || value instanceof Instant) {
      return NODES.stringNode(value.toString());
    }
    if (value instanceof com.google.common.primitives.UnsignedLong u) {
      return NODES.numberNode(u.bigIntegerValue());
    }
    return NODES.stringNode(String.valueOf(value));
  }

  private static TypeRef dyn(TypeRef type) {
    return new TypeRef("Json", false, type.location());
  }

  private static JsonNode orNull(JsonNode json) {
    return json == null ? NODES.nullNode() : json;
  }
}
