package dev.tracepaper.testing;

import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.MappingNode;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The input of a command as a random caller might send it, for the differential test: mostly values
 * its fields accept, keys from a small pool (so that instances are created twice, touched before
 * they exist, and shared by policies), and now and then a value its constraints refuse or a
 * required field left out. Only values of the field's type: the API refuses anything else before a
 * handler sees it, and a scenario must type-check.
 */
final class RandomInputs {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The instance keys the sequences share. */
  static final List<String> KEYS = List.of("k1", "k2", "k3");

  /** Texts to try against a pattern; one of them fits the patterns random models use. */
  private static final List<String> PATTERN_TEXTS =
      List.of("ABC-12", "XYZ-99", "1234AB", "9876ZZ", "abc", "abc def", "abc 12", "k1");

  private final ModelIndex index;
  private final PatternResolver patterns;
  private final Random random;
  private final YamlJson yaml;

  RandomInputs(ModelIndex index, Random random) {
    this.index = index;
    this.patterns = PatternResolver.of(index.model());
    this.random = random;
    this.yaml = new YamlJson(index);
  }

  /**
   * An input for {@code command}: every field of the command, most of them valid; its keys (and
   * other ids) are taken from {@code keys}.
   */
  ObjectNode of(Command command, List<String> keys) {
    Optional<Aggregate> owner = index.aggregate(command.aggregate());
    String key = owner.flatMap(Aggregate::key).map(Located::value).orElse("");
    ObjectNode input = NODES.objectNode();
    // Half the time a test's input of the command, a value its constraints accept (an example's
    // patterns are rarely met by chance), with the keys drawn and now and then a field drawn.
    ObjectNode tested = random.nextBoolean() ? tested(command, owner) : null;
    for (Field field : command.fields()) {
      if (field.constraints().autoFill().isPresent()) {
        continue;
      }
      boolean identifies = field.name().equals(key) || field.name().endsWith("Id");
      if (tested != null && !identifies && random.nextInt(6) > 0) {
        if (tested.has(field.name())) {
          input.set(field.name(), tested.get(field.name()));
        }
        continue;
      }
      boolean required = field.isRequired(true);
      if (random.nextInt(required ? 25 : 4) == 0) {
        continue; // left out: refused when required, a default or nothing otherwise
      }
      JsonNode value =
          identifies
              ? NODES.stringNode(pick(keys))
              : value(field.type(), field.constraints(), owner, 0);
      input.set(field.name(), value);
    }
    return input;
  }

  /** The input of one of the command's tests that give one, as sent; null when none does. */
  private ObjectNode tested(Command command, Optional<Aggregate> owner) {
    List<TestCase> given =
        command.tests().stream().filter(t -> t.when().isPresent() && t.on().isEmpty()).toList();
    if (given.isEmpty()) {
      return null;
    }
    ObjectNode input = NODES.objectNode();
    for (MappingNode.Entry entry : given.get(random.nextInt(given.size())).when().get().entries()) {
      command
          .field(entry.name())
          .ifPresent(f -> input.set(f.name(), yaml.value(entry.value(), f.type(), owner, true)));
    }
    return input;
  }

  private JsonNode value(
      TypeRef type, Constraints constraints, Optional<Aggregate> owner, int depth) {
    if (type.list()) {
      ArrayNode items = NODES.arrayNode();
      TypeRef item = new TypeRef(type.name(), false, type.location());
      int size = random.nextInt(4);
      for (int i = 0; i < size; i++) {
        items.add(value(item, Constraints.NONE, owner, depth + 1));
      }
      return items;
    }
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      return builtin(builtin.get(), constraints);
    }
    switch (index.kindOf(type, owner)) {
      case ENUM -> {
        List<Located<String>> values = index.enumDef(type.name()).orElseThrow().values();
        return NODES.stringNode(values.get(random.nextInt(values.size())).value());
      }
      case TYPE, ENTITY -> {
        TypeDef def =
            index
                .type(type.name())
                .or(() -> owner.flatMap(a -> a.entity(type.name())))
                .orElseThrow();
        ObjectNode object = NODES.objectNode();
        for (Field f : def.fields()) {
          object.set(f.name(), value(f.type(), f.constraints(), owner, depth + 1));
        }
        return object;
      }
      default -> {
        return NODES.stringNode("x");
      }
    }
  }

  private JsonNode builtin(BuiltinType type, Constraints constraints) {
    boolean refused = random.nextInt(8) == 0;
    return switch (type) {
      case Int -> NODES.numberNode((long) (random.nextInt(14) - (refused ? 6 : 2)));
      case Float -> NODES.numberNode((random.nextInt(40) - (refused ? 15 : 4)) / 4.0);
      case Boolean -> NODES.booleanNode(random.nextBoolean());
      case Date ->
          NODES.stringNode(
              "2026-0%d-%02d".formatted(1 + random.nextInt(9), 1 + random.nextInt(28)));
      case DateTime ->
          // The forms AppSync's AWSDateTime takes: seconds or not, fractions, an offset.
          NODES.stringNode(
              "2026-03-%02dT%02d:%02d%s"
                  .formatted(
                      1 + random.nextInt(28),
                      random.nextInt(24),
                      random.nextInt(60),
                      pick(List.of(":00Z", ":07.250Z", "Z", ":30+02:00", "-05:00", ":00.5Z"))));
      // Always of their form: AppSync refuses any other before a handler sees it.
      case Email -> NODES.stringNode("ada@example.com");
      case Url -> NODES.stringNode("https://example.com/a");
      case Json -> NODES.objectNode().put("n", random.nextInt(5));
      default -> NODES.stringNode(text(constraints, refused));
    };
  }

  private String text(Constraints constraints, boolean refused) {
    Optional<String> regex = constraints.pattern().flatMap(p -> patterns.field(p.value()).regex());
    if (regex.isPresent()) {
      Pattern pattern = Pattern.compile(regex.get());
      List<String> fitting =
          PATTERN_TEXTS.stream().filter(t -> pattern.matcher(t).matches() != refused).toList();
      if (!fitting.isEmpty()) {
        return pick(fitting);
      }
    }
    long min = constraints.minLength().map(Located::value).orElse(0L);
    long max = constraints.maxLength().map(Located::value).orElse(min + 12);
    if (refused && (min > 0 || constraints.maxLength().isPresent())) {
      return min > 0 ? "y".repeat((int) min - 1) : "z".repeat((int) max + 1);
    }
    long length = min + random.nextInt((int) Math.max(1, Math.min(max, min + 12) - min + 1));
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      // Also a character outside the basic plane, two chars in Java: lengths count characters.
      text.append(pick(List.of("a", "b", "c", " ", "é", "1", "😀")));
    }
    return text.toString().strip().isEmpty() && length > 0
        ? "a".repeat((int) length)
        : text.toString();
  }

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
