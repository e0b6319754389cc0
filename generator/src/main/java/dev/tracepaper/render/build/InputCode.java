package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.AutoFill;
import dev.tracepaper.model.AwsScalars;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.FieldData;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.text.Escapes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a record reads its fields from API input ({@code Input}, which collects every failure) and
 * checks their constraints, as Java statements: one local per field, then the checks.
 */
final class InputCode {

  /** The statements for the fields of one record, and the constants and imports they need. */
  record Code(
      List<String> reads, List<String> checks, List<String> constants, Set<String> imports) {}

  private final TypeMapping types;
  private final PatternResolver patterns;

  InputCode(TypeMapping types, PatternResolver patterns) {
    this.types = types;
    this.patterns = patterns;
  }

  /**
   * @param requiredByDefault whether a field without {@code required:} is required (command fields
   *     and value types: yes)
   */
  Code of(List<Field> fields, Optional<Aggregate> owner, boolean requiredByDefault) {
    List<String> reads = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    List<String> constants = new ArrayList<>();
    Set<String> imports = new java.util.TreeSet<>();
    for (Field field : fields) {
      String local = FieldData.local(JavaNames.member(field.name()));
      String name = Escapes.javaString(field.name());
      TypeRef type = field.type();
      types.addImports(type, owner, imports);
      String boxed = types.java(type, owner, true);
      Constraints c = field.constraints();
      Optional<AutoFill> autoFill = c.autoFill().map(Located::value);
      if (autoFill.isPresent()) {
        reads.add(boxed + " " + local + " = " + autoFilled(autoFill.get(), type, imports) + ";");
        continue;
      }
      String read = read(type, owner, name);
      Optional<String> defaultValue = c.defaultValue().map(d -> literal(d.value(), type, owner));
      if (defaultValue.isPresent()) {
        imports.add("java.util.Objects");
        read = "Objects.requireNonNullElse(" + read + ", " + defaultValue.get() + ")";
      } else if (type.list() && !field.isRequired(requiredByDefault)) {
        imports.add("java.util.Objects");
        read = "Objects.requireNonNullElse(" + read + ", List.of())";
      }
      reads.add(boxed + " " + local + " = " + read + ";");
      if (field.isRequired(requiredByDefault)) {
        checks.add("input.required(" + name + ", " + local + ");");
      }
      constraints(field, local, true, checks, constants, imports);
    }
    return new Code(reads, checks, constants, imports);
  }

  /**
   * The checks of the constraints an event's fields carry, reading the record {@code event}: a
   * command or policy records the event only if they hold (docs/model-reference.md, "Events and
   * apply"). Only what the model writes is checked: an event has no default length limit.
   */
  Code eventChecks(List<Field> fields, Optional<Aggregate> owner) {
    List<String> checks = new ArrayList<>();
    List<String> constants = new ArrayList<>();
    Set<String> imports = new java.util.TreeSet<>();
    for (Field field : fields) {
      String value = "event." + JavaNames.member(field.name()) + "()";
      constraints(field, value, false, checks, constants, imports);
    }
    return new Code(List.of(), checks, constants, imports);
  }

  /** A field's {@code default:} as a Java literal, with the imports it needs. */
  String defaultValue(Field field, Optional<Aggregate> owner, Set<String> imports) {
    types.addImports(field.type(), owner, imports);
    return literal(field.constraints().defaultValue().orElseThrow().value(), field.type(), owner);
  }

  /**
   * The checks of a command's input built from an event of its {@code on}, reading the record
   * {@code command}: that every required field has a value (an event field may be empty). The
   * constraints are the API's, on what a caller sends (docs/model-reference.md, decision 33).
   */
  static List<String> triggerChecks(List<Field> fields) {
    List<String> checks = new ArrayList<>();
    for (Field field : fields) {
      if (field.constraints().autoFill().isEmpty() && field.isRequired(true)) {
        checks.add(
            "input.required("
                + Escapes.javaString(field.name())
                + ", command."
                + JavaNames.member(field.name())
                + "());");
      }
    }
    return checks;
  }

  /** Whether an event field carries constraints that {@link #eventChecks} checks. */
  static boolean constrained(Field field) {
    Constraints c = field.constraints();
    return c.pattern().isPresent()
        || c.min().isPresent()
        || c.max().isPresent()
        || c.minLength().isPresent()
        || c.maxLength().isPresent()
        || c.minItems().isPresent()
        || c.maxItems().isPresent();
  }

  /**
   * Adds the checks of a field's constraints on {@code local}, the Java expression of its value;
   * with {@code defaultMaxLength}, text without a {@code maxLength} gets the runtime's default.
   */
  private void constraints(
      Field field,
      String local,
      boolean defaultMaxLength,
      List<String> checks,
      List<String> constants,
      Set<String> imports) {
    String name = Escapes.javaString(field.name());
    TypeRef type = field.type();
    Constraints c = field.constraints();
    c.pattern()
        .flatMap(p -> patterns.field(p.value()).regex())
        .ifPresent(
            regex -> {
              String constant = Case.screamingSnake(field.name()) + "_PATTERN";
              imports.add("java.util.regex.Pattern");
              constants.add(
                  "private static final Pattern "
                      + constant
                      + " = Pattern.compile("
                      + Escapes.javaString(regex)
                      + ");");
              checks.add(
                  "input.pattern("
                      + name
                      + ", "
                      + local
                      + ", "
                      + constant
                      + ", "
                      + Escapes.javaString(patternName(c.pattern().get().value()))
                      + ");");
            });
    c.minLength().ifPresent(n -> checks.add(bound("minLength", name, local, n.value() + "")));
    c.maxLength().ifPresent(n -> checks.add(bound("maxLength", name, local, n.value() + "")));
    // Text without a maxLength still has one: the runtime's default, so that no single field
    // can fill an event (docs/runtime.md, "Input").
    boolean text = type.builtin().map(BuiltinType::isText).orElse(false);
    if (text && c.maxLength().isEmpty() && defaultMaxLength) {
      String check = type.list() ? "maxLengthOfEach" : "maxLength";
      checks.add(bound(check, name, local, "Input.MAX_TEXT_LENGTH"));
    }
    c.minItems().ifPresent(n -> checks.add(bound("minItems", name, local, n.value() + "")));
    c.maxItems().ifPresent(n -> checks.add(bound("maxItems", name, local, n.value() + "")));
    c.min().ifPresent(n -> checks.add(bound("min", name, local, number(n.value(), type))));
    c.max().ifPresent(n -> checks.add(bound("max", name, local, number(n.value(), type))));
  }

  private static String bound(String check, String name, String local, String bound) {
    return "input." + check + "(" + name + ", " + local + ", " + bound + ");";
  }

  /** How a message names the pattern: its name, or the regex as written. */
  private String patternName(String value) {
    return patterns.namesPattern(value) ? value : "/" + value + "/";
  }

  private String read(TypeRef type, Optional<Aggregate> owner, String name) {
    Optional<BuiltinType> builtin = type.builtin();
    String plural = type.list() ? "s" : "";
    if (builtin.isPresent()) {
      return "input." + FieldCode.scalar(builtin.get()) + plural + "(" + name + ")";
    }
    String javaClass = types.javaClass(type, owner).simpleName();
    return types.kind(type, owner) == ModelIndex.TypeKind.ENUM
        ? "input.enum"
            + (type.list() ? "s" : "Value")
            + "("
            + name
            + ", "
            + javaClass
            + "::valueOf)"
        : "input.object" + plural + "(" + name + ", " + javaClass + "::fromInput)";
  }

  /** The value the system fills a field with, read from {@code metadata}. */
  static String autoFilled(AutoFill autoFill, TypeRef type, Set<String> imports) {
    return switch (autoFill) {
      case uuid -> {
        imports.add("java.util.UUID");
        yield "UUID.randomUUID().toString()";
      }
      case username -> "metadata.caller().name()";
      case userId -> "metadata.caller().id()";
      case now -> type.is(BuiltinType.Date) ? "metadata.today()" : "metadata.now()";
    };
  }

  private static String number(BigDecimal value, TypeRef type) {
    return type.is(BuiltinType.Int) ? value.longValue() + "L" : value.toPlainString() + "d";
  }

  /** A {@code default:} as a Java literal of the field's type. */
  private String literal(YamlNode node, TypeRef type, Optional<Aggregate> owner) {
    if (type.list()) {
      TypeRef element = new TypeRef(type.name(), false, type.location());
      List<YamlNode> items =
          node instanceof dev.tracepaper.source.SequenceNode s ? s.items() : List.of(node);
      return "List.of("
          + String.join(", ", items.stream().map(i -> literal(i, element, owner)).toList())
          + ")";
    }
    String text = node instanceof ScalarNode s ? s.value() : "";
    Optional<BuiltinType> builtin = type.builtin();
    if (builtin.isPresent() && !type.list()) {
      return switch (builtin.get()) {
        case Int -> Long.parseLong(text) + "L";
        case Float -> Double.parseDouble(text) + "d";
        case Boolean -> Boolean.toString(Boolean.parseBoolean(text));
        // Written as the runtime stores them: any form AppSync accepts validates.
        case Date -> "LocalDate.parse(" + Escapes.javaString(AwsScalars.normalDate(text)) + ")";
        case DateTime ->
            "Instant.parse(" + Escapes.javaString(AwsScalars.normalDateTime(text)) + ")";
        default -> Escapes.javaString(text);
      };
    }
    if (!type.list() && types.kind(type, owner) == ModelIndex.TypeKind.ENUM) {
      // The enum's constants are its values as written (the enum template declares them so).
      return types.javaClass(type, owner).simpleName() + "." + text;
    }
    throw new IllegalStateException("no default of type " + type + " is supported");
  }
}
