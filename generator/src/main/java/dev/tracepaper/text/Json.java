package dev.tracepaper.text;

import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON text of Jackson's tree nodes, and trees of JSON text, through jackson-core's streaming API
 * alone. {@code generate} writes JSON (test data, the manifest) but never binds objects; setting up
 * databind's mapper for it cost 60 ms of every run, a fifteenth of a small model's whole {@code
 * generate} (docs/performance.md). The text is the one databind's mapper writes: the same
 * generator, escapes and pretty printer ({@code JsonTest} compares them).
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriteContext INDENTED =
      new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
          return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
          return true;
        }
      };

  private Json() {}

  /** {@code node} on one line, as databind's {@code writeValueAsString} writes it. */
  public static String compact(JsonNode node) {
    return write(node, ObjectWriteContext.empty());
  }

  /** {@code node} indented, as databind writes it with {@code INDENT_OUTPUT}. */
  public static String indented(JsonNode node) {
    return write(node, INDENTED);
  }

  /** A JSON string, quotes included (RFC 8259). */
  public static String string(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeString(text);
    }
    return out.toString();
  }

  /**
   * The tree of one JSON value, read as databind's {@code readTree} reads it (integers by size,
   * other numbers as doubles); a missing node for empty text.
   *
   * @throws JacksonException when it is not JSON, or more than one value
   */
  public static JsonNode read(byte[] json) {
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return MissingNode.getInstance();
      }
      JsonNode value = value(parser, first);
      if (parser.nextToken() != null) {
        throw new StreamReadException(parser, "more than one JSON value");
      }
      return value;
    }
  }

  private static String write(JsonNode node, ObjectWriteContext context) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(context, out)) {
      write(generator, node);
    }
    return out.toString();
  }

  private static void write(JsonGenerator out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (var property : node.properties()) {
          out.writeName(property.getKey());
          write(out, property.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode item : node.values()) {
          write(out, item);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.stringValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NULL -> out.writeNull();
      case NUMBER -> number(out, node);
      default ->
          throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
    }
  }

  private static void number(JsonGenerator out, JsonNode node) {
    switch (node.numberType()) {
      case INT -> out.writeNumber(node.intValue());
      case LONG -> out.writeNumber(node.longValue());
      case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
      case FLOAT -> out.writeNumber(node.floatValue());
      case DOUBLE -> out.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
      default -> throw new IllegalArgumentException("no JSON number for " + node);
    }
  }

  private static JsonNode value(JsonParser in, JsonToken token) {
    return switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = in.nextToken(); t != JsonToken.END_OBJECT; t = in.nextToken()) {
          String name = in.currentName();
          object.set(name, value(in, in.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = in.nextToken(); t != JsonToken.END_ARRAY; t = in.nextToken()) {
          array.add(value(in, t));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.stringNode(in.getString());
      case VALUE_NUMBER_INT ->
          switch (in.getNumberType()) {
            case INT -> NODES.numberNode(in.getIntValue());
            case LONG -> NODES.numberNode(in.getLongValue());
            default -> NODES.numberNode(in.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(in.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new StreamReadException(in, "unexpected " + token);
    };
  }
}
