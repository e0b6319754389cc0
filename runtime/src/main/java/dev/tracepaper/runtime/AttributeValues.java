package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * JSON to DynamoDB attribute values and back, for view rows: a row's fields are stored as native
 * types (S, N, BOOL, NULL, L, M) so that AppSync's DynamoDB resolvers return them unchanged.
 * Numbers keep their exact decimal text both ways.
 *
 * <p>Public for the in-memory view store of the testing artifact only; not part of the runtime's
 * API (docs/runtime.md).
 */
public final class AttributeValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final AttributeValue NULL = AttributeValue.fromNul(true);

  private AttributeValues() {}

  /** The fields of {@code row} as an item's attributes; null fields are left out. */
  public static Map<String, AttributeValue> item(ObjectNode row) {
    Map<String, AttributeValue> item = new HashMap<>();
    for (Map.Entry<String, JsonNode> field : row.properties()) {
      if (!field.getValue().isNull()) {
        item.put(field.getKey(), attribute(field.getValue()));
      }
    }
    return item;
  }

  static AttributeValue attribute(JsonNode json) {
    return switch (json.getNodeType()) {
      case STRING -> AttributeValue.fromS(json.textValue());
      // The text of the number as parsed or written by Jackson: no rounding through double.
      case NUMBER -> AttributeValue.fromN(json.numberValue().toString());
      case BOOLEAN -> AttributeValue.fromBool(json.booleanValue());
      case ARRAY -> {
        List<AttributeValue> list = new ArrayList<>(json.size());
        json.forEach(element -> list.add(attribute(element)));
        yield AttributeValue.fromL(list);
      }
      case OBJECT -> {
        Map<String, AttributeValue> map = new HashMap<>();
        json.properties().forEach(field -> map.put(field.getKey(), attribute(field.getValue())));
        yield AttributeValue.fromM(map);
      }
      case BINARY -> AttributeValue.fromS(json.asText());
      case NULL, MISSING, POJO -> NULL;
    };
  }

  /** The attributes of an item whose names do not start with {@code _}, as a JSON object. */
  public static ObjectNode fields(Map<String, AttributeValue> item) {
    ObjectNode row = NODES.objectNode();
    item.forEach(
        (name, value) -> {
          if (!name.startsWith("_")) {
            row.set(name, json(value));
          }
        });
    return row;
  }

  static JsonNode json(AttributeValue value) {
    return switch (value.type()) {
      case S -> NODES.textNode(value.s());
      // DynamoDB's number text is a valid JSON number: parsed as the row's JSON would be.
      case N -> Json.parse(value.n());
      case BOOL -> NODES.booleanNode(value.bool());
      case NUL -> NODES.nullNode();
      case L -> {
        ArrayNode array = NODES.arrayNode();
        value.l().forEach(element -> array.add(json(element)));
        yield array;
      }
      case M -> {
        ObjectNode object = NODES.objectNode();
        value.m().forEach((name, element) -> object.set(name, json(element)));
        yield object;
      }
      case SS -> strings(value.ss());
      case NS -> {
        ArrayNode array = NODES.arrayNode();
        value.ns().forEach(number -> array.add(Json.parse(number)));
        yield array;
      }
      case B -> NODES.textNode(base64(value.b()));
      case BS -> strings(value.bs().stream().map(AttributeValues::base64).toList());
      case UNKNOWN_TO_SDK_VERSION ->
          throw new IllegalArgumentException("unknown attribute value type: " + value);
    };
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
