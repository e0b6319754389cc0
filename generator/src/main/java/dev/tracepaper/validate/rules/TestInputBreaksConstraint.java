package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Command;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Bounds;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.Phrases;
import dev.tracepaper.validate.rules.shape.TestSite;
import dev.tracepaper.validate.rules.shape.Types;
import dev.tracepaper.validate.rules.shape.ValueChecker;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A test's {@code when} is checked by the generated handler as any input is: a value that breaks
 * its field's {@code pattern}, {@code min}, {@code max}, lengths or item counts, or an object of a
 * type without one of the type's required fields, makes the command fail with {@code VALIDATION}
 * before its behaviour runs, so the generated test fails; so does a value an emitted event copies
 * into a field whose own bounds or pattern refuse it (the event checks them when it is recorded). A
 * test that expects {@code VALIDATION} means it and is left alone; values of the wrong type are
 * {@link WrongTestValue}'s, required fields of the command itself {@link MissingTestInput}'s.
 */
public final class TestInputBreaksConstraint implements Rule {

  /** The bound of a text without {@code maxLength}, as the generated {@code Input} applies it. */
  static final long MAX_TEXT_LENGTH = 10_000;

  @Override
  public void check(ModelIndex model, Reporter report) {
    PatternResolver patterns = PatternResolver.of(model.model());
    for (TestSite site : TestSite.all(model)) {
      if (!(site.flow().flow() instanceof Command command)
          || site.test().when().isEmpty()
          || site.test().on().isPresent()
          || site.test().then().error().filter(e -> e.value().equals("VALIDATION")).isPresent()) {
        continue;
      }
      Walk walk = new Walk(model, patterns, site, command, report);
      walk.fields(site.test().when().get(), command.fields(), "command `" + command.name() + "`");
      walk.copiedIntoEvents(site.test().when().get());
    }
  }

  /** The check of one test's {@code when}. */
  private record Walk(
      ModelIndex model, PatternResolver patterns, TestSite site, Command command, Reporter report) {

    /** The values of a mapping for {@code fields}, whose owner {@code owner} names. */
    void fields(MappingNode values, List<Field> fields, String owner) {
      for (MappingNode.Entry entry : values.entries()) {
        fields.stream()
            .filter(f -> f.name().equals(entry.name()))
            .findFirst()
            .filter(f -> f.constraints().autoFill().isEmpty())
            .ifPresent(f -> value(entry.value(), f, "`%s` of %s".formatted(f.name(), owner)));
      }
    }

    /**
     * The input values an emitted event copies ({@link Copying}: not mapped, no {@code let} of the
     * name, a command field of the name): the event checks its own fields' bounds and pattern when
     * it is recorded, so a value its field refuses fails the command as the input check would.
     */
    void copiedIntoEvents(MappingNode values) {
      for (Emit emit : command.emits()) {
        Copying.event(site.flow(), emit)
            .map(event -> Copying.resolve(site.flow(), emit, event))
            .orElse(List.of())
            .stream()
            .filter(copy -> copy.from() == Copying.From.INPUT)
            .forEach(
                copy ->
                    values
                        .get(copy.field().name())
                        .ifPresent(
                            value ->
                                checked(
                                    value,
                                    copy.field(),
                                    "`%s` of command `%s`, copied into event `%s`,"
                                        .formatted(
                                            copy.field().name(), command.name(), emit.event()),
                                    false)));
      }
    }

    private void value(YamlNode value, Field field, String subject) {
      if (checked(value, field, subject, true)) {
        nested(value, field, subject);
      }
    }

    /**
     * Checks the bounds and pattern of {@code field} on {@code value}, and for command input the
     * bound every text without {@code maxLength} has; false when the value is absent ("not given":
     * MissingTestInput says whether it must be) or not of the field's type (WrongTestValue or
     * CopyTypeMismatch reports it).
     */
    private boolean checked(YamlNode value, Field field, String subject, boolean input) {
      if (value instanceof ScalarNode s && s.isNull()) {
        return false;
      }
      ValueChecker types = new ValueChecker(model, Optional.of(site.flow().aggregate()), true);
      if (!types.check(value, field.type(), subject).isEmpty()) {
        return false;
      }
      for (Bounds b : Bounds.of(field)) {
        if (sound(b)) {
          b.measureOf(value).ifPresent(m -> bounds(value, field, b, m, subject));
        }
      }
      if (Types.isText(field.type()) && !field.type().list() && value instanceof ScalarNode s) {
        if (input
            && field.constraints().maxLength().isEmpty()
            && s.value().codePointCount(0, s.value().length()) > MAX_TEXT_LENGTH) {
          refuse(
              value,
              "%s is longer than %d characters, the most a text without `maxLength` may hold"
                  .formatted(subject, MAX_TEXT_LENGTH),
              field.location());
        }
        pattern(s, field, subject);
      }
      return true;
    }

    /**
     * Limits no value can pass (inverted, a negative length) are InvertedBounds' and
     * NegativeBound's mistake, not the test's.
     */
    private static boolean sound(Bounds b) {
      boolean inverted =
          b.lower().isPresent()
              && b.upper().isPresent()
              && b.lower().get().value().compareTo(b.upper().get().value()) > 0;
      boolean negative =
          b.measure() != Bounds.Measure.VALUE
              && Stream.of(b.lower(), b.upper())
                  .flatMap(Optional::stream)
                  .anyMatch(l -> l.value().signum() < 0);
      return !inverted && !negative;
    }

    private void bounds(YamlNode value, Field field, Bounds b, BigDecimal amount, String subject) {
      b.lower()
          .filter(l -> amount.compareTo(l.value()) < 0)
          .ifPresent(l -> limit(value, b, amount, b.lowerName(), l, subject));
      b.upper()
          .filter(u -> amount.compareTo(u.value()) > 0)
          .ifPresent(u -> limit(value, b, amount, b.upperName(), u, subject));
    }

    private void limit(
        YamlNode value,
        Bounds b,
        BigDecimal amount,
        String name,
        Located<BigDecimal> limit,
        String subject) {
      refuse(
          value,
          "%s %s, but its `%s` is %s"
              .formatted(subject, b.describe(amount), name, limit.value().toPlainString()),
          limit.location());
    }

    private void pattern(ScalarNode value, Field field, String subject) {
      Optional<Located<String>> pattern = field.constraints().pattern();
      if (pattern.isEmpty()) {
        return;
      }
      // A pattern that cannot be spliced or compiled is reported by the pattern rules.
      patterns
          .field(pattern.get().value())
          .regex()
          .filter(regex -> InvalidRegex.syntaxError(regex).isEmpty())
          .filter(regex -> !DefaultDoesNotMatchPattern.matches(regex, value.value()))
          .ifPresent(
              regex ->
                  refuse(
                      value,
                      "%s is `%s`, which does not match its pattern %s"
                          .formatted(
                              subject,
                              value.value(),
                              DefaultDoesNotMatchPattern.shown(
                                  patterns, pattern.get().value(), regex)),
                      pattern.get().location()));
    }

    /** The fields of a value type inside the input, checked as the type's own input code does. */
    private void nested(YamlNode value, Field field, String subject) {
      TypeRef type = field.type();
      Optional<TypeDef> def =
          model.kindOf(type, Optional.of(site.flow().aggregate())) == ModelIndex.TypeKind.TYPE
              ? model.type(type.name())
              : Optional.empty();
      if (def.isEmpty()) {
        return;
      }
      List<YamlNode> objects =
          type.list() && value instanceof SequenceNode seq ? seq.items() : List.of(value);
      for (YamlNode object : objects) {
        if (object instanceof MappingNode mapping) {
          String owner = "type `%s` in %s".formatted(def.get().name(), subject);
          List<String> missing =
              def.get().fields().stream()
                  .filter(f -> f.isRequired(true) && f.constraints().autoFill().isEmpty())
                  .map(Field::name)
                  .filter(n -> mapping.get(n).filter(v -> !isNull(v)).isEmpty())
                  .toList();
          if (!missing.isEmpty()) {
            refuse(
                mapping,
                "%s does not give %s, which the type requires"
                    .formatted(subject, Phrases.names(missing)),
                def.get().location());
          }
          fields(mapping, def.get().fields(), owner);
        }
      }
    }

    private static boolean isNull(YamlNode node) {
      return node instanceof ScalarNode s && s.isNull();
    }

    private void refuse(YamlNode value, String problem, SourceLocation constraint) {
      report.error(
          value.location(),
          "In %s: %s, so the command fails with `VALIDATION` and the test fails."
              .formatted(lower(site.phrase()), problem),
          "give a value the field accepts, or expect `then: {error: VALIDATION}` if the test means"
              + " to show the refusal",
          constraint);
    }

    private static String lower(String phrase) {
      return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
    }
  }
}
