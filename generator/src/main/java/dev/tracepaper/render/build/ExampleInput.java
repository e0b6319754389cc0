package dev.tracepaper.render.build;

import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.text.Escapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An example input of a command as a GraphQL input object, for the generated README: the values of
 * the command's first test when it has one, else a placeholder per field type.
 */
final class ExampleInput {

  private ExampleInput() {}

  static String of(Command command, ModelIndex index) {
    Optional<MappingNode> tested =
        command.body().tests().stream().map(TestCase::when).flatMap(Optional::stream).findFirst();
    List<String> parts = new ArrayList<>();
    for (Field field : command.fields()) {
      if (field.constraints().autoFill().isPresent()) {
        continue;
      }
      Optional<YamlNode> value = tested.flatMap(t -> t.get(field.name()));
      if (value.isEmpty() && !field.isRequired(true)) {
        continue;
      }
      parts.add(
          field.name()
              + ": "
              + value
                  .map(v -> literal(v, field.type(), index))
                  .orElseGet(() -> placeholder(field.type(), index)));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String literal(YamlNode node, TypeRef type, ModelIndex index) {
    if (node instanceof MappingNode m) {
      List<String> parts = new ArrayList<>();
      Optional<TypeDef> def = index.type(type.name());
      for (MappingNode.Entry e : m.entries()) {
        TypeRef inner = def.flatMap(d -> d.field(e.name())).map(Field::type).orElse(type);
        parts.add(e.name() + ": " + literal(e.value(), inner, index));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (node instanceof SequenceNode s) {
      TypeRef element = new TypeRef(type.name(), false, type.location());
      return "["
          + String.join(", ", s.items().stream().map(i -> literal(i, element, index)).toList())
          + "]";
    }
    return scalar(((ScalarNode) node).value(), type, index);
  }

  private static String scalar(String value, TypeRef type, ModelIndex index) {
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()
        && (builtin.get().isNumeric() || builtin.get() == BuiltinType.Boolean)) {
      return value;
    }
    if (index.enumDef(type.name()).isPresent()) {
      return value;
    }
    return Escapes.graphqlString(value);
  }

  private static String placeholder(TypeRef type, ModelIndex index) {
    if (type.list()) {
      return "[]";
    }
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case Int -> "1";
        case Float -> "1.5";
        case Boolean -> "true";
        case Date -> "\"2030-01-31\"";
        case DateTime -> "\"2030-01-31T09:00:00Z\"";
        case Email -> "\"someone@example.com\"";
        case Url -> "\"https://example.com/\"";
        case Json -> "\"{}\"";
        case String -> "\"text\"";
      };
    }
    Optional<EnumDef> enumDef = index.enumDef(type.name());
    if (enumDef.isPresent()) {
      return enumDef.get().values().get(0).value();
    }
    return index
        .type(type.name())
        .map(
            t ->
                "{"
                    + String.join(
                        ", ",
                        t.fields().stream()
                            .filter(f -> f.isRequired(true))
                            .map(f -> f.name() + ": " + placeholder(f.type(), index))
                            .toList())
                    + "}")
        .orElse("{}");
  }
}
