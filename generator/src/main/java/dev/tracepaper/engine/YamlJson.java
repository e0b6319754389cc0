package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.AwsScalars;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values the model writes in YAML (test cases, defaults) as JSON typed by the fields they fill:
 * YAML {@code 2} is the number 2 for an {@code Int} and the text "2" for a {@code String}, as the
 * generated tests read them (render.build's TestCode writes them into the generated tests with this
 * class).
 */
public final class YamlJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ModelIndex index;

  public YamlJson(ModelIndex index) {
    this.index = index;
  }

  /**
   * @param asSent whether the values are API input, sent as written; else they are stored values
   *     (given and expected events, states and rows), whose dates and times are in stored form
   */
  public ObjectNode object(
      MappingNode mapping, List<Field> fields, Optional<Aggregate> owner, boolean asSent) {
    ObjectNode object = NODES.objectNode();
    for (MappingNode.Entry entry : mapping.entries()) {
      Optional<Field> field =
          fields.stream().filter(f -> f.name().equals(entry.name())).findFirst();
      object.set(
          entry.name(),
          field
              .map(f -> value(entry.value(), f.type(), owner, asSent))
              .orElse(plain(entry.value())));
    }
    return object;
  }

  public JsonNode value(YamlNode node, TypeRef type, Optional<Aggregate> owner, boolean asSent) {
    if (node instanceof ScalarNode s && s.isNull()) {
      return NODES.nullNode();
    }
    if (type.list()) {
      ArrayNode array = NODES.arrayNode();
      TypeRef element = new TypeRef(type.name(), false, type.location());
      if (node instanceof SequenceNode sequence) {
        sequence.items().forEach(i -> array.add(value(i, element, owner, asSent)));
      }
      return array;
    }
    if (node instanceof MappingNode mapping) {
      Optional<TypeDef> def =
          index.type(type.name()).or(() -> owner.flatMap(a -> a.entity(type.name())));
      return object(mapping, def.map(TypeDef::fields).orElse(List.of()), owner, asSent);
    }
    if (!(node instanceof ScalarNode scalar)) {
      return plain(node);
    }
    Optional<BuiltinType> builtin = type.builtin();
    try {
      if (builtin.isPresent()) {
        return switch (builtin.get()) {
          case Int -> NODES.numberNode(Long.parseLong(scalar.value()));
          case Float -> NODES.numberNode(Double.parseDouble(scalar.value()));
          case Boolean -> NODES.booleanNode(Boolean.parseBoolean(scalar.value()));
          case Json -> plain(node);
          case Date ->
              NODES.stringNode(asSent ? scalar.value() : AwsScalars.normalDate(scalar.value()));
          case DateTime ->
              NODES.stringNode(asSent ? scalar.value() : AwsScalars.normalDateTime(scalar.value()));
          default -> NODES.stringNode(scalar.value());
        };
      }
    } catch (NumberFormatException e) {
      // WrongTestValue reports it; keep the text so that the failure shows what was written.
    }
    return NODES.stringNode(scalar.value());
  }

  /** A YAML value as JSON by its own shape (a Json field's value, or an unknown field). */
  public static JsonNode plain(YamlNode node) {
    if (node instanceof MappingNode m) {
      ObjectNode object = NODES.objectNode();
      m.entries().forEach(e -> object.set(e.name(), plain(e.value())));
      return object;
    }
    if (node instanceof SequenceNode s) {
      ArrayNode array = NODES.arrayNode();
      s.items().forEach(i -> array.add(plain(i)));
      return array;
    }
    ScalarNode s = (ScalarNode) node;
    return switch (s.kind()) {
      case INT -> NODES.numberNode(new java.math.BigInteger(s.value().replace("_", "")));
      case FLOAT -> NODES.numberNode(Double.parseDouble(s.value()));
      case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(s.value()));
      case NULL -> NODES.nullNode();
      case STRING -> NODES.stringNode(s.value());
    };
  }

  /**
   * A past or triggering event may leave out what a case does not care about: its numbers and
   * booleans (always held by an event, Java primitives in the generated code, which cannot be
   * absent) then read as 0 and false, in the generated tests and in the engine alike.
   */
  public static void completeNumbers(ObjectNode json, List<Field> fields) {
    for (Field field : fields) {
      if (!json.has(field.name()) && !field.type().list()) {
        field
            .type()
            .builtin()
            .ifPresent(
                type -> {
                  switch (type) {
                    case Int -> json.put(field.name(), 0L);
                    case Float -> json.put(field.name(), 0.0);
                    case Boolean -> json.put(field.name(), false);
                    default -> {}
                  }
                });
      }
    }
  }
}
