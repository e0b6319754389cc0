package dev.tracepaper.render.build;

import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.render.data.HandlerExample;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.text.Escapes;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
        command.body().tests().stream()
            .filter(t -> t.on().isEmpty()) // a case run by an event gives the event, not the input
            .map(TestCase::when)
            .flatMap(Optional::stream)
            .findFirst();
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
                  .orElseGet(() -> placeholder(field, index)));
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
    if (builtin.isPresent() && builtin.get().isNumericOrBoolean()) {
      return value;
    }
    if (index.enumDef(type.name()).isPresent()) {
      return value;
    }
    return Escapes.graphqlString(value);
  }

  /** A value of the field's type that passes its constraints, where one is easily had. */
  /** {@code preferred}, or the nearest bound when it lies outside {@code min} to {@code max}. */
  private static String number(Constraints c, BigDecimal preferred, boolean whole) {
    BigDecimal value = preferred;
    if (c.min().isPresent() && value.compareTo(c.min().get().value()) < 0) {
      value = c.min().get().value();
      if (whole) {
        value = value.setScale(0, RoundingMode.CEILING);
      }
    } else if (c.max().isPresent() && value.compareTo(c.max().get().value()) > 0) {
      value = c.max().get().value();
      if (whole) {
        value = value.setScale(0, RoundingMode.FLOOR);
      }
    }
    return value.toPlainString();
  }

  /** "text", or a text the field's pattern and lengths accept. */
  private static String text(Constraints c, ModelIndex index) {
    long min = c.minLength().map(Located::value).orElse(0L);
    long max = c.maxLength().map(Located::value).orElse((long) HandlerExample.MAX_TEXT_LENGTH);
    Optional<String> regex =
        c.pattern().flatMap(p -> PatternResolver.of(index.model()).field(p.value()).regex());
    if (regex.isEmpty() && min <= 4 && max >= 4) {
      return "\"text\"";
    }
    return TextSamples.matching(regex, min, max) instanceof TextSamples.Sample.Text sample
        ? Escapes.graphqlString(sample.text())
        : "\"text\"";
  }

  private static String placeholder(Field field, ModelIndex index) {
    TypeRef type = field.type();
    if (type.list()) {
      return "[]";
    }
    Constraints c = field.constraints();
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return switch (builtin.get()) {
        case Int -> number(c, BigDecimal.ONE, true);
        case Float -> number(c, new BigDecimal("1.5"), false);
        case String -> text(c, index);
        case Boolean -> "true";
        case Date -> "\"2030-01-31\"";
        case DateTime -> "\"2030-01-31T09:00:00Z\"";
        case Email -> "\"someone@example.com\"";
        case Url -> "\"https://example.com/\"";
        case Json -> "\"{}\"";
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
                            .map(f -> f.name() + ": " + placeholder(f, index))
                            .toList())
                    + "}")
        .orElse("{}");
  }
}
