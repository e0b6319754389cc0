package dev.tracepaper.validate.rules;

import dev.tracepaper.naming.Case;
import dev.tracepaper.source.SourceLocation;
import java.util.Optional;

/**
 * A name the model defines, with what it names and where: an aggregate, a field of a command, a
 * value of an enum… {@code duplicate} marks a second definition of a name that must be unique;
 * {@code shadowed} also marks everything inside one, so that rules do not report its consequences.
 */
record NamedElement(
    Kind kind,
    String name,
    SourceLocation location,
    Optional<NamedElement> owner,
    boolean duplicate,
    boolean shadowed,
    Object definition) {

  /** What a name names, and the case convention it follows. */
  enum Kind {
    AGGREGATE("aggregate", Convention.PASCAL),
    ENTITY("entity", Convention.PASCAL),
    EVENT("event", Convention.PASCAL),
    COMMAND("command", Convention.PASCAL),
    POLICY("policy", Convention.PASCAL),
    VIEW("view", Convention.PASCAL),
    TYPE("type", Convention.PASCAL),
    ENUM("enum", Convention.PASCAL),
    PATTERN("pattern", Convention.PASCAL),
    FIELD("field", Convention.CAMEL),
    VARIABLE("variable", Convention.CAMEL),
    QUERY("query", Convention.CAMEL),
    CUSTOM_QUERY("custom query", Convention.PASCAL),
    AUTOMATION("automation", Convention.PASCAL),
    ROLE("role", Convention.LOWER_WORDS),
    ENUM_VALUE("value", Convention.SCREAMING_SNAKE),
    RULE_CODE("rule code", Convention.SCREAMING_SNAKE);

    final String label;
    final Convention convention;

    Kind(String label, Convention convention) {
      this.label = label;
      this.convention = convention;
    }

    /** Whether fields may have a value of this kind as their type. */
    boolean isFieldType() {
      return this == ENTITY || this == VIEW || this == TYPE || this == ENUM;
    }
  }

  /** The case conventions of the model language. */
  enum Convention {
    PASCAL("PascalCase"),
    CAMEL("camelCase"),
    LOWER_WORDS("lower-case words"),
    SCREAMING_SNAKE("SCREAMING_SNAKE_CASE");

    final String label;

    Convention(String label) {
      this.label = label;
    }

    boolean isFollowedBy(String name) {
      return switch (this) {
        case PASCAL -> Case.isPascal(name);
        case CAMEL -> Case.isCamel(name);
        case LOWER_WORDS -> Case.isLowerWords(name);
        case SCREAMING_SNAKE -> Case.isScreamingSnake(name);
      };
    }

    /**
     * The name written in this convention: {@code book_status} in PascalCase is {@code BookStatus}.
     */
    String apply(String name) {
      return switch (this) {
        case PASCAL -> Case.pascal(name);
        case CAMEL -> Case.camel(name);
        case LOWER_WORDS -> Case.kebab(name);
        case SCREAMING_SNAKE -> Case.screamingSnake(name);
      };
    }
  }

  /** {@code field `isbn` of command `LendBook`}; top-level names stand alone. */
  String describe() {
    String self = "%s `%s`".formatted(kind.label, name);
    return owner
        .filter(o -> kind.ordinal() >= Kind.FIELD.ordinal())
        .map(o -> self + " of " + o.describe())
        .orElse(self);
  }

  /** {@link #describe()} with a capital, to start a sentence. */
  String describeCapitalized() {
    String text = describe();
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** The aggregate this element belongs to, itself included. */
  Optional<String> aggregate() {
    if (kind == Kind.AGGREGATE) {
      return Optional.of(name);
    }
    return owner.flatMap(NamedElement::aggregate);
  }

  boolean isRole() {
    return kind == Kind.ROLE;
  }
}
