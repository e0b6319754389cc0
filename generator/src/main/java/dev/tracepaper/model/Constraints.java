package dev.tracepaper.model;

import dev.tracepaper.source.YamlNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Everything a field may say besides its type. {@code key}, {@code ref}, {@code by}, {@code refs}
 * and {@code prefix} serve entity collections and view relations.
 */
public record Constraints(
    Optional<Located<Boolean>> required,
    Optional<Located<YamlNode>> defaultValue,
    Optional<Located<String>> pattern,
    Optional<Located<BigDecimal>> min,
    Optional<Located<BigDecimal>> max,
    Optional<Located<Long>> minLength,
    Optional<Located<Long>> maxLength,
    Optional<Located<Long>> minItems,
    Optional<Located<Long>> maxItems,
    Optional<Located<AutoFill>> autoFill,
    Optional<String> description,
    Optional<Located<String>> key,
    Optional<Located<String>> ref,
    Optional<Located<String>> by,
    Optional<Located<String>> refs,
    Optional<Located<String>> prefix) {

  public static final Constraints NONE =
      new Constraints(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  /** Whether the field relates to another view's rows rather than holding a value. */
  public boolean relates() {
    return ref.isPresent() || by.isPresent() || refs.isPresent();
  }
}
