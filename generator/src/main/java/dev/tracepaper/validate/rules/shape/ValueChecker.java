package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.diagnostic.Suggestions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.AwsScalars;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that a YAML value written in the model (a default, a value in a test) fits a field's type:
 * a whole number for {@code Int}, a real date for {@code Date}, a value of the enum, the fields of
 * a type. Types that are unknown are left alone: the reference rules report them.
 */
public final class ValueChecker {

  /** One value that does not fit, with a sentence saying so. */
  public record Problem(SourceLocation location, String message, String hint) {}

  private final ModelIndex index;
  private final Optional<Aggregate> owner;
  private final boolean nullAllowed;

  /**
   * @param owner the aggregate whose entities the types may name
   * @param nullAllowed whether an empty value ({@code ~}) stands for "not given"
   */
  public ValueChecker(ModelIndex index, Optional<Aggregate> owner, boolean nullAllowed) {
    this.index = index;
    this.owner = owner;
    this.nullAllowed = nullAllowed;
  }

  /** {@code subject} names the field for messages, such as "`copies` of command `RegisterBook`". */
  public List<Problem> check(YamlNode value, TypeRef type, String subject) {
    List<Problem> problems = new ArrayList<>();
    check(value, type, subject, problems);
    return problems;
  }

  private void check(YamlNode value, TypeRef type, String subject, List<Problem> problems) {
    if (value instanceof ScalarNode s && s.isNull()) {
      if (!nullAllowed) {
        problems.add(mismatch(value, expected(type), subject, ""));
      }
      return;
    }
    if (type.list()) {
      if (!(value instanceof SequenceNode sequence)) {
        problems.add(mismatch(value, "a list", subject, "write a list such as `[...]`"));
        return;
      }
      TypeRef item = new TypeRef(type.name(), false, type.location());
      sequence.items().forEach(i -> check(i, item, "an item of " + subject, problems));
      return;
    }
    switch (index.kindOf(type, owner)) {
      case BUILTIN -> builtin(value, type.builtin().orElseThrow(), subject, problems);
      case ENUM -> enumValue(value, index.enumDef(type.name()).orElseThrow(), subject, problems);
      case TYPE -> record(value, index.type(type.name()).orElseThrow(), "type", subject, problems);
      case ENTITY -> {
        TypeDef entity = owner.flatMap(a -> a.entity(type.name())).orElseThrow();
        record(value, entity, "entity", subject, problems);
      }
      case VIEW, UNKNOWN -> {
        // A relation is resolved, never given; an unknown type is reported elsewhere.
      }
    }
  }

  private void builtin(YamlNode value, BuiltinType type, String subject, List<Problem> problems) {
    if (type == BuiltinType.Json) {
      return;
    }
    if (!(value instanceof ScalarNode scalar) || !fits(scalar, type)) {
      problems.add(mismatch(value, expected(type), subject, hint(type)));
    }
  }

  private static boolean fits(ScalarNode scalar, BuiltinType type) {
    String text = scalar.value();
    return switch (type) {
      case String -> true;
      case Int -> scalar.kind() == ScalarNode.Kind.INT;
      case Float -> scalar.kind() == ScalarNode.Kind.INT || scalar.kind() == ScalarNode.Kind.FLOAT;
      case Boolean -> scalar.kind() == ScalarNode.Kind.BOOLEAN;
      case Date -> isDate(text);
      case DateTime -> isDateTime(text);
      case Email -> AwsScalars.isEmail(text);
      case Url -> AwsScalars.isUrl(text);
      case Json -> true;
    };
  }

  /** An AWSDate, in any form AppSync accepts. */
  public static boolean isDate(String text) {
    return AwsScalars.date(text).isPresent();
  }

  /** An AWSDateTime, in any form AppSync accepts. */
  public static boolean isDateTime(String text) {
    return AwsScalars.dateTime(text).isPresent();
  }

  private void enumValue(YamlNode value, EnumDef enumDef, String subject, List<Problem> problems) {
    if (value instanceof ScalarNode scalar && enumDef.hasValue(scalar.value())) {
      return;
    }
    List<String> values = enumDef.values().stream().map(Located::value).toList();
    String hint =
        value instanceof ScalarNode scalar ? Suggestions.didYouMean(scalar.value(), values) : "";
    problems.add(mismatch(value, "one of " + String.join(", ", values), subject, hint));
  }

  private void record(
      YamlNode value, TypeDef type, String kind, String subject, List<Problem> problems) {
    if (!(value instanceof MappingNode mapping)) {
      String what = "a mapping of the fields of %s `%s`".formatted(kind, type.name());
      problems.add(mismatch(value, what, subject, "write `{field: value, ...}`"));
      return;
    }
    for (MappingNode.Entry entry : mapping.entries()) {
      Optional<Field> field = type.field(entry.name());
      if (field.isEmpty()) {
        List<String> names = type.fields().stream().map(Field::name).toList();
        problems.add(
            new Problem(
                entry.key().location(),
                "%s `%s` has no field `%s` (in the value of %s)."
                    .formatted(Phrases.capital(kind), type.name(), entry.name(), subject),
                Suggestions.didYouMean(entry.name(), names)));
        continue;
      }
      String nested = "`%s` of %s `%s`".formatted(entry.name(), kind, type.name());
      check(entry.value(), field.get().type(), nested, problems);
    }
  }

  private static Problem mismatch(YamlNode value, String expected, String subject, String hint) {
    return new Problem(
        value.location(),
        "%s should be %s, not %s.".formatted(Phrases.capital(subject), expected, shown(value)),
        hint);
  }

  /** How a value is shown in a message: scalars as written, collections by their kind. */
  public static String shown(YamlNode value) {
    if (value instanceof ScalarNode s) {
      return s.isNull() ? "nothing (null)" : "`" + s.value() + "`";
    }
    return value.describe();
  }

  private String expected(TypeRef type) {
    if (type.list()) {
      return "a list";
    }
    return type.builtin().map(ValueChecker::expected).orElse("a value of `" + type.name() + "`");
  }

  private static String expected(BuiltinType type) {
    return switch (type) {
      case String -> "a text";
      case Int -> "a whole number";
      case Float -> "a number";
      case Boolean -> "true or false";
      case Date -> "a date (YYYY-MM-DD)";
      case DateTime -> "a date and time (ISO-8601)";
      case Email -> "an e-mail address";
      case Url -> "a URL";
      case Json -> "any JSON value";
    };
  }

  private static String hint(BuiltinType type) {
    return switch (type) {
      case Date -> "for example '2026-12-01'";
      case DateTime -> "for example '2026-12-01T09:30:00Z'";
      case Email -> "for example ada@example.com";
      case Url -> "for example https://example.com";
      case Int -> "for example 2";
      case Float -> "for example 2.5";
      case Boolean -> "write true or false";
      default -> "";
    };
  }
}
