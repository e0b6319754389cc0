package dev.tracepaper.validate.rules.shape;

import dev.tracepaper.model.Constraints;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.YamlNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lower and upper limits a field's constraints set, for the types they apply to: {@code
 * min}/{@code max} on numbers, lengths on texts, item counts on lists.
 */
public record Bounds(
    Measure measure,
    String lowerName,
    Optional<Located<BigDecimal>> lower,
    String upperName,
    Optional<Located<BigDecimal>> upper) {

  /** What a pair of limits measures. */
  public enum Measure {
    VALUE,
    LENGTH,
    ITEMS
  }

  /** The pairs of limits that apply to the field's type (others are reported as misplaced). */
  public static List<Bounds> of(Field field) {
    Constraints c = field.constraints();
    List<Bounds> bounds = new ArrayList<>();
    if (Types.isNumeric(field.type())) {
      bounds.add(new Bounds(Measure.VALUE, "min", c.min(), "max", c.max()));
    }
    if (Types.isText(field.type())) {
      bounds.add(
          new Bounds(
              Measure.LENGTH,
              "minLength",
              whole(c.minLength()),
              "maxLength",
              whole(c.maxLength())));
    }
    if (field.type().list()) {
      bounds.add(
          new Bounds(
              Measure.ITEMS, "minItems", whole(c.minItems()), "maxItems", whole(c.maxItems())));
    }
    return bounds;
  }

  private static Optional<Located<BigDecimal>> whole(Optional<Located<Long>> value) {
    return value.map(v -> new Located<>(BigDecimal.valueOf(v.value()), v.location()));
  }

  /** What this pair measures of a value: the number, the text's length, the list's size. */
  public Optional<BigDecimal> measureOf(YamlNode value) {
    return switch (measure) {
      case VALUE -> value instanceof ScalarNode s ? parse(s.value()) : Optional.<BigDecimal>empty();
      case LENGTH ->
          value instanceof ScalarNode s && !s.isNull()
              ? Optional.of(BigDecimal.valueOf(s.value().codePointCount(0, s.value().length())))
              : Optional.empty();
      case ITEMS ->
          value instanceof SequenceNode seq
              ? Optional.of(BigDecimal.valueOf(seq.items().size()))
              : Optional.empty();
    };
  }

  /** "is 0", "is 250 characters long", "has 3 items" */
  public String describe(BigDecimal amount) {
    return switch (measure) {
      case VALUE -> "is " + amount.toPlainString();
      case LENGTH ->
          "is "
              + amount.toPlainString()
              + (amount.intValue() == 1 ? " character" : " characters")
              + " long";
      case ITEMS -> "has " + amount.toPlainString() + (amount.intValue() == 1 ? " item" : " items");
    };
  }

  private static Optional<BigDecimal> parse(String text) {
    try {
      return Optional.of(new BigDecimal(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
