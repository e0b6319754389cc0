package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.AutoFill;
import dev.tracepaper.model.AwsScalars;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a command's input as the generated {@code fromInput} does (runtime {@code Input}): values
 * filled by the system, defaults, types, then the constraints; every broken one is collected, and
 * together they are one {@code VALIDATION} error.
 */
final class InputReader {

  /** The runtime's default longest text of a field without {@code maxLength}. */
  static final int MAX_TEXT_LENGTH = 10_000;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ModelIndex index;
  private final YamlJson yaml;
  private final PatternResolver patterns;

  InputReader(ModelIndex index) {
    this.index = index;
    this.yaml = new YamlJson(index);
    this.patterns = PatternResolver.of(index.model());
  }

  /** The input in stored form; the problems found go to {@code problems}. */
  ObjectNode read(
      List<Field> fields,
      JsonNode input,
      Optional<Aggregate> owner,
      Caller caller,
      Instant now,
      String path,
      List<FieldProblem> problems) {
    ObjectNode read = NODES.objectNode();
    Set<String> known = new HashSet<>();
    for (Field field : fields) {
      Constraints c = field.constraints();
      Optional<AutoFill> autoFill = c.autoFill().map(Located::value);
      if (autoFill.isPresent()) {
        // Never read from the input: a caller who sends it is refused, as the runtime's Input
        // refuses every field its record does not read.
        read.set(field.name(), autoFilled(autoFill.get(), caller, now));
        continue;
      }
      known.add(field.name());
      JsonNode raw = input == null ? null : input.get(field.name());
      JsonNode value =
          raw == null || raw.isNull()
              ? null
              : convert(raw, field.type(), owner, path + field.name(), caller, now, problems);
      if (value == null && c.defaultValue().isPresent()) {
        value = yaml.value(c.defaultValue().get().value(), field.type(), owner, false);
      } else if (value == null && field.type().list() && !field.isRequired(true)) {
        value = NODES.arrayNode();
      }
      String name = path + field.name();
      if (value == null || value.isNull()) {
        if (field.isRequired(true) && problems.stream().noneMatch(p -> p.field().equals(name))) {
          problems.add(new FieldProblem(name, "is required"));
        }
        continue;
      }
      read.set(field.name(), value);
      constraints(field, name, value, true, problems);
    }
    if (input != null && input.isObject()) {
      input
          .properties()
          .forEach(
              e -> {
                if (!known.contains(e.getKey())) {
                  problems.add(new FieldProblem(path + e.getKey(), "is not a field of this input"));
                }
              });
    }
    return read;
  }

  /** What the system fills {@code field} with ({@code autoFill}). */
  JsonNode autoFilled(Field field, Caller caller, Instant now) {
    return autoFilled(field.constraints().autoFill().orElseThrow().value(), caller, now);
  }

  /** The {@code default} of {@code field}, in stored form. */
  JsonNode defaultValue(Field field, Aggregate owner) {
    return yaml.value(
        field.constraints().defaultValue().orElseThrow().value(),
        field.type(),
        Optional.of(owner),
        false);
  }

  private static JsonNode autoFilled(AutoFill autoFill, Caller caller, Instant now) {
    return switch (autoFill) {
      case uuid -> NODES.stringNode(UUID.randomUUID().toString());
      case userId -> caller.id() == null ? NODES.nullNode() : NODES.stringNode(caller.id());
      case username -> caller.name() == null ? NODES.nullNode() : NODES.stringNode(caller.name());
      case now -> NODES.stringNode(now.toString());
    };
  }

  private JsonNode convert(
      JsonNode raw,
      TypeRef type,
      Optional<Aggregate> owner,
      String name,
      Caller caller,
      Instant now,
      List<FieldProblem> problems) {
    if (type.list()) {
      if (!raw.isArray()) {
        problems.add(new FieldProblem(name, "is not a list"));
        return null;
      }
      ArrayNode array = NODES.arrayNode();
      TypeRef element = new TypeRef(type.name(), false, type.location());
      for (int i = 0; i < raw.size(); i++) {
        JsonNode item =
            convert(raw.get(i), element, owner, name + "[" + i + "]", caller, now, problems);
        array.add(item == null ? NODES.nullNode() : item);
      }
      return array;
    }
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent()) {
      Optional<JsonNode> value = scalar(raw, builtin.get());
      if (value.isEmpty()) {
        problems.add(new FieldProblem(name, "is not a valid " + builtin.get()));
        return null;
      }
      return value.get();
    }
    Optional<dev.tracepaper.model.EnumDef> enumDef = index.enumDef(type.name());
    if (enumDef.isPresent()) {
      boolean allowed =
          raw.isString()
              && enumDef.get().values().stream().anyMatch(v -> v.value().equals(raw.asString()));
      if (!allowed) {
        problems.add(new FieldProblem(name, "is not one of the allowed values"));
        return null;
      }
      return raw;
    }
    Optional<TypeDef> def =
        index.type(type.name()).or(() -> owner.flatMap(a -> a.entity(type.name())));
    if (def.isPresent()) {
      if (!raw.isObject()) {
        problems.add(new FieldProblem(name, "is not an object"));
        return null;
      }
      return read(def.get().fields(), raw, owner, caller, now, name + ".", problems);
    }
    return raw;
  }

  private static Optional<JsonNode> scalar(JsonNode raw, BuiltinType type) {
    return switch (type) {
      case Int ->
          raw.isIntegralNumber() && raw.canConvertToLong()
              ? Optional.of(NODES.numberNode(raw.asLong()))
              : Optional.empty();
      case Float ->
          raw.isNumber() ? Optional.of(NODES.numberNode(raw.asDouble())) : Optional.empty();
      case Boolean -> raw.isBoolean() ? Optional.of(raw) : Optional.empty();
      case Json -> Optional.of(raw);
      case Date ->
          raw.isString()
              ? AwsScalars.date(raw.asString()).map(d -> (JsonNode) NODES.stringNode(d.toString()))
              : Optional.empty();
      case DateTime ->
          raw.isString()
              ? AwsScalars.dateTime(raw.asString())
                  .map(d -> (JsonNode) NODES.stringNode(d.toString()))
              : Optional.empty();
      case Email ->
          raw.isString() && AwsScalars.isEmail(raw.asString())
              ? Optional.of(raw)
              : Optional.empty();
      case Url ->
          raw.isString() && AwsScalars.isUrl(raw.asString()) ? Optional.of(raw) : Optional.empty();
      default -> raw.isString() ? Optional.of(raw) : Optional.empty();
    };
  }

  /**
   * The problems of an event's fields with the constraints the model puts on them: a flow records
   * the event only if there are none. An event has no default length limit.
   */
  List<FieldProblem> eventProblems(List<Field> fields, ObjectNode payload) {
    List<FieldProblem> problems = new ArrayList<>();
    for (Field field : fields) {
      JsonNode value = payload.get(field.name());
      if (value != null && !value.isNull()) {
        constraints(field, field.name(), value, false, problems);
      }
    }
    return problems;
  }

  private void constraints(
      Field field,
      String name,
      JsonNode value,
      boolean defaultMaxLength,
      List<FieldProblem> problems) {
    Constraints c = field.constraints();
    TypeRef type = field.type();
    boolean text = type.builtin().map(BuiltinType::isText).orElse(false);
    if (!type.list() && value.isString()) {
      String s = value.asString();
      long length = s.codePointCount(0, s.length());
      c.pattern()
          .flatMap(p -> patterns.field(p.value()).regex())
          .filter(regex -> !Pattern.compile(regex).matcher(s).find())
          .ifPresent(
              regex ->
                  problems.add(
                      new FieldProblem(
                          name,
                          "does not have the form "
                              + patternName(c.pattern().get().value())
                              + " asks for")));
      c.minLength()
          .filter(n -> length < n.value())
          .ifPresent(
              n ->
                  problems.add(
                      new FieldProblem(
                          name, "must be at least " + n.value() + " characters long")));
      long max =
          c.maxLength().map(Located::value).orElse(text ? (long) MAX_TEXT_LENGTH : Long.MAX_VALUE);
      if (length > max) {
        problems.add(new FieldProblem(name, "must be at most " + max + " characters long"));
      }
    }
    if (type.list() && value.isArray()) {
      c.minItems()
          .filter(n -> value.size() < n.value())
          .ifPresent(
              n ->
                  problems.add(
                      new FieldProblem(name, "must have at least " + n.value() + " items")));
      c.maxItems()
          .filter(n -> value.size() > n.value())
          .ifPresent(
              n ->
                  problems.add(
                      new FieldProblem(name, "must have at most " + n.value() + " items")));
      if (text && c.maxLength().isEmpty() && defaultMaxLength) {
        for (int i = 0; i < value.size(); i++) {
          String s = value.get(i).asString();
          if (s.codePointCount(0, s.length()) > MAX_TEXT_LENGTH) {
            problems.add(
                new FieldProblem(
                    name + "[" + i + "]",
                    "must be at most " + MAX_TEXT_LENGTH + " characters long"));
          }
        }
      }
    }
    if (!type.list() && value.isNumber()) {
      BigDecimal number = value.decimalValue();
      c.min()
          .filter(n -> number.compareTo(n.value()) < 0)
          .ifPresent(
              n ->
                  problems.add(
                      new FieldProblem(name, "must be at least " + n.value().toPlainString())));
      c.max()
          .filter(n -> number.compareTo(n.value()) > 0)
          .ifPresent(
              n ->
                  problems.add(
                      new FieldProblem(name, "must be at most " + n.value().toPlainString())));
    }
  }

  private String patternName(String value) {
    return patterns.namesPattern(value) ? value : "/" + value + "/";
  }
}
