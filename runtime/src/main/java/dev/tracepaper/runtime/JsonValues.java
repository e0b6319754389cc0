package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Reads and writes the generated records' fields as JSON trees. Written out per field by the
 * generated code instead of reflective data binding, which costs seconds of cold start. An absent
 * or null property reads as {@code null} (a list as an empty list); a {@code null} value is left
 * out when written.
 */
public final class JsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonValues() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  private static JsonNode property(JsonNode json, String field) {
    JsonNode value = json == null ? null : json.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public static String text(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asText(value);
  }

  public static Long integer(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asInteger(value);
  }

  public static Double decimal(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asDecimal(value);
  }

  public static Boolean bool(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asBool(value);
  }

  public static LocalDate date(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asDate(value);
  }

  public static Instant dateTime(JsonNode json, String field) {
    JsonNode value = property(json, field);
    return value == null ? null : asDateTime(value);
  }

  public static JsonNode json(JsonNode json, String field) {
    return property(json, field);
  }

  public static <T> T enumValue(JsonNode json, String field, Function<String, T> valueOf) {
    JsonNode value = property(json, field);
    return value == null ? null : valueOf.apply(value.asText());
  }

  public static <T> T object(JsonNode json, String field, Function<JsonNode, T> read) {
    JsonNode value = property(json, field);
    return value == null ? null : read.apply(value);
  }

  public static <T> List<T> list(JsonNode json, String field, Function<JsonNode, T> read) {
    JsonNode value = property(json, field);
    if (value == null) {
      return List.of();
    }
    List<T> items = new ArrayList<>(value.size());
    for (JsonNode item : value) {
      items.add(read.apply(item));
    }
    return Collections.unmodifiableList(items);
  }

  public static String asText(JsonNode value) {
    return value.asText();
  }

  public static Long asInteger(JsonNode value) {
    return value.isTextual() ? Long.valueOf(value.asText()) : value.longValue();
  }

  public static Double asDecimal(JsonNode value) {
    return value.isTextual() ? Double.valueOf(value.asText()) : value.doubleValue();
  }

  public static Boolean asBool(JsonNode value) {
    return value.isTextual() ? Boolean.valueOf(value.asText()) : value.booleanValue();
  }

  public static LocalDate asDate(JsonNode value) {
    return LocalDate.parse(value.asText());
  }

  public static Instant asDateTime(JsonNode value) {
    return Instant.parse(value.asText());
  }

  public static JsonNode asJson(JsonNode value) {
    return value;
  }

  public static void put(ObjectNode json, String field, String value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  public static void put(ObjectNode json, String field, Long value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  public static void put(ObjectNode json, String field, Double value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  public static void put(ObjectNode json, String field, Boolean value) {
    if (value != null) {
      json.put(field, value);
    }
  }

  public static void put(ObjectNode json, String field, LocalDate value) {
    if (value != null) {
      json.put(field, value.toString());
    }
  }

  public static void put(ObjectNode json, String field, Instant value) {
    if (value != null) {
      json.put(field, value.toString());
    }
  }

  public static void put(ObjectNode json, String field, JsonNode value) {
    if (value != null) {
      json.set(field, value);
    }
  }

  public static void put(ObjectNode json, String field, Enum<?> value) {
    if (value != null) {
      json.put(field, value.name());
    }
  }

  public static <T> void put(ObjectNode json, String field, T value, Function<T, JsonNode> write) {
    if (value != null) {
      json.set(field, write.apply(value));
    }
  }

  public static <T> void putList(
      ObjectNode json, String field, List<T> values, Function<T, JsonNode> write) {
    if (values != null) {
      ArrayNode array = json.putArray(field);
      for (T value : values) {
        array.add(write.apply(value));
      }
    }
  }

  /** A value as JSON, or {@code null} (absent) when it has none. */
  public static <T> JsonNode of(T value, Function<T, JsonNode> write) {
    return value == null ? null : write.apply(value);
  }

  /** A list as a JSON array, or {@code null} (absent) when it has none. */
  public static <T> JsonNode ofList(List<T> values, Function<T, JsonNode> write) {
    if (values == null) {
      return null;
    }
    ArrayNode array = NODES.arrayNode();
    for (T value : values) {
      array.add(write.apply(value));
    }
    return array;
  }

  /** Each value of a list as JSON, for a list of Json values. */
  public static <T> List<JsonNode> eachOf(List<T> values, Function<T, JsonNode> write) {
    return values.stream().map(write).toList();
  }

  public static JsonNode ofText(String value) {
    return NODES.textNode(value);
  }

  public static JsonNode ofInteger(Long value) {
    return NODES.numberNode(value);
  }

  public static JsonNode ofDecimal(Double value) {
    return NODES.numberNode(value);
  }

  public static JsonNode ofBool(Boolean value) {
    return NODES.booleanNode(value);
  }

  public static JsonNode ofDate(LocalDate value) {
    return NODES.textNode(value.toString());
  }

  public static JsonNode ofDateTime(Instant value) {
    return NODES.textNode(value.toString());
  }

  public static JsonNode ofJson(JsonNode value) {
    return value;
  }

  public static JsonNode ofEnum(Enum<?> value) {
    return NODES.textNode(value.name());
  }
}
