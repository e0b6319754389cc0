package dev.tracepaper.model;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.DiagnosticSink;
import dev.tracepaper.naming.Case;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed values out of YAML nodes for the model readers, reporting every node of the wrong
 * shape instead of throwing. {@code what} in each method names the place for messages, such as "the
 * field `title` of command `RegisterBook`".
 */
final class Nodes {

  static final String UNKNOWN_KEY = "UnknownKey";
  static final String WRONG_TYPE = "WrongType";
  static final String MISSING_KEY = "MissingKey";
  static final String INVALID_VALUE = "InvalidValue";

  private final DiagnosticSink sink;
  private final UnknownKeys unknownKeys = new UnknownKeys();

  Nodes(DiagnosticSink sink) {
    this.sink = sink;
  }

  void report(Diagnostic diagnostic) {
    sink.report(diagnostic);
  }

  Optional<MappingNode> mapping(YamlNode node, String what) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(mapping);
    }
    if (node instanceof ScalarNode scalar && scalar.isNull()) {
      return Optional.of(new MappingNode(List.of(), node.location(), 1));
    }
    wrongType(node, what, "a mapping of names to values");
    return Optional.empty();
  }

  /** A list; a single scalar is also taken as a list of one, as people often write. */
  Optional<List<YamlNode>> list(YamlNode node, String what) {
    if (node instanceof SequenceNode sequence) {
      return Optional.of(sequence.items());
    }
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return Optional.of(List.of(node));
    }
    if (node instanceof ScalarNode) {
      return Optional.of(List.of());
    }
    wrongType(node, what, "a list");
    return Optional.empty();
  }

  Optional<Located<String>> text(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.isNull()) {
      return Optional.of(new Located<>(scalar.value(), scalar.location()));
    }
    wrongType(node, what, "a text");
    return Optional.empty();
  }

  /** A scalar read as an expression; non-text scalars ({@code 1}, {@code true}) are CEL too. */
  Optional<Expression> expression(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar && !scalar.isNull() && !scalar.value().isBlank()) {
      return Optional.of(Expression.of(scalar));
    }
    wrongType(node, what, "an expression (CEL), such as `event.<field>`");
    return Optional.empty();
  }

  Optional<Located<Long>> wholeNumber(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.INT) {
      try {
        return Optional.of(new Located<>(Long.decode(scalar.value()), scalar.location()));
      } catch (NumberFormatException e) {
        report(
            Diagnostic.error(
                INVALID_VALUE,
                scalar.location(),
                "%s is `%s`, too large for a whole number."
                    .formatted(capital(what), scalar.value())));
        return Optional.empty();
      }
    }
    wrongType(node, what, "a whole number");
    return Optional.empty();
  }

  Optional<Located<BigDecimal>> number(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar
        && (scalar.kind() == ScalarNode.Kind.INT || scalar.kind() == ScalarNode.Kind.FLOAT)) {
      try {
        return Optional.of(new Located<>(new BigDecimal(scalar.value()), scalar.location()));
      } catch (NumberFormatException e) {
        // .inf and .nan are YAML floats but no bound a field can have.
      }
    }
    wrongType(node, what, "a number");
    return Optional.empty();
  }

  Optional<Located<Boolean>> bool(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.BOOLEAN) {
      return Optional.of(
          new Located<>(Boolean.parseBoolean(scalar.value().toLowerCase()), scalar.location()));
    }
    wrongType(node, what, "true or false");
    return Optional.empty();
  }

  /** Free text such as a description; numbers and booleans are taken as written. */
  Optional<String> prose(YamlNode node, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.isNull() ? Optional.empty() : Optional.of(scalar.value());
    }
    wrongType(node, what, "a text");
    return Optional.empty();
  }

  /**
   * Notes which keys {@code mapping} may have; every other key is reported by {@link
   * #reportUnknownKeys}, with the closest allowed one or the indentation slip that put it there.
   */
  void checkKeys(MappingNode mapping, Set<String> allowed, String what) {
    unknownKeys.checked(mapping, allowed, what);
  }

  /**
   * Reports the unknown keys of every mapping checked under {@code root}; call once, at the end.
   */
  void reportUnknownKeys(MappingNode root) {
    unknownKeys.report(root, this::report);
  }

  Optional<YamlNode> required(MappingNode mapping, String key, String what) {
    return required(mapping, key, what, "", mapping.location());
  }

  /**
   * The value under {@code key}, or a MissingKey error at {@code at} (best: the name of the element
   * that lacks it); {@code explanation} says what the key is for, e.g. "the event that triggers
   * it".
   */
  Optional<YamlNode> required(
      MappingNode mapping, String key, String what, String explanation, SourceLocation at) {
    Optional<YamlNode> value = mapping.get(key);
    if (value.isEmpty()) {
      String why = explanation.isEmpty() ? "" : " (" + explanation + ")";
      report(
          Diagnostic.error(
              MISSING_KEY, at, "%s has no `%s`%s.".formatted(capital(what), key, why)));
    }
    return value;
  }

  void wrongType(YamlNode node, String what, String expected) {
    report(
        Diagnostic.error(
            WRONG_TYPE,
            node.location(),
            "%s should be %s; here it is %s.".formatted(capital(what), expected, node.describe())));
  }

  static String capital(String text) {
    return Case.capitalize(text);
  }
}
