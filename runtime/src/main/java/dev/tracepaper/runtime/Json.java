package dev.tracepaper.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Jackson mapper, used for JSON trees only. Records are read and written by generated code
 * field by field, never by reflective data binding: that keeps cold starts short and makes every
 * JSON name visible in the source.
 */
public final class Json {

  /** Thread-safe; built once per Lambda environment (and captured by a SnapStart snapshot). */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses {@code text}; invalid JSON is an {@link IllegalArgumentException}. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonNode read(InputStream in) {
    try {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String write(JsonNode json) {
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  /**
   * The same value with the fields of every object sorted by name: two inputs that differ only in
   * the order of their fields write the same text.
   */
  public static JsonNode canonical(JsonNode json) {
    if (json.isObject()) {
      List<String> names = new ArrayList<>();
      json.properties().forEach(field -> names.add(field.getKey()));
      names.sort(null);
      ObjectNode sorted = object();
      names.forEach(name -> sorted.set(name, canonical(json.get(name))));
      return sorted;
    }
    if (json.isArray()) {
      ArrayNode items = array();
      json.forEach(item -> items.add(canonical(item)));
      return items;
    }
    return json;
  }

  public static void write(OutputStream out, JsonNode json) {
    try {
      MAPPER.writeValue(out, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
