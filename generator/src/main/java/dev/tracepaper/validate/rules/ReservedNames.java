package dev.tracepaper.validate.rules;

import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.Reserved;
import dev.tracepaper.validate.rules.GeneratedNames.Claim;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Why a name is taken in the model or the API itself: a CEL reserved word for a variable, a Java
 * keyword for an enum value, a name of the expression scope, a built-in type's name, or a name the
 * GraphQL schema or the template already uses. Names that are only reserved in generated Java are
 * escaped there (JavaNames), not refused. Shared by ReservedWord, which reports it, and the
 * convention rules, which then stay silent about the same name.
 */
final class ReservedNames {

  /** The message that says why the name is taken, and a hint with another name. */
  record Problem(String message, String hint) {}

  private final GeneratedNames generated;

  ReservedNames(GeneratedNames generated) {
    this.generated = generated;
  }

  Optional<Problem> problem(NamedElement e) {
    if (ValidNames.startsLikeGraphQlIntrospection(e)) {
      return Optional.of(
          problem(
              "%s starts with `__`, which GraphQL reserves for its introspection."
                  .formatted(e.describeCapitalized()),
              e));
    }
    if (!ValidNames.isUsable(e)) {
      return Optional.empty();
    }
    return wordProblem(e).or(() -> generatedNameProblem(e));
  }

  /**
   * Words the name cannot be in the model itself: a {@code let} variable is a CEL identifier (no
   * CEL reserved word, no name of the expression scope), an enum value a Java constant (no Java
   * keyword), a type no built-in type's name. Fields are free: generated Java escapes them
   * (JavaNames.member) and expressions select a CEL keyword field quoted ({@code command.`in`}).
   */
  private Optional<Problem> wordProblem(NamedElement e) {
    return switch (e.kind()) {
      case VARIABLE -> celWord(e).or(() -> scopeName(e));
      case ENUM_VALUE -> javaWord(e, e.name());
      case TYPE, ENUM, ENTITY, VIEW -> builtinType(e);
      default -> Optional.empty();
    };
  }

  private Optional<Problem> generatedNameProblem(NamedElement e) {
    // A Java class that would hide one the generated code uses is renamed (JavaNames), so only
    // the names the API and the template show are taken.
    for (Claim claim : generated.of(e)) {
      Optional<String> why =
          switch (claim.namespace()) {
            case GRAPHQL_TYPE -> Reserved.graphQlType(claim.name());
            case LOGICAL_ID -> Reserved.logicalId(claim.name());
            default -> Optional.empty();
          };
      if (why.isPresent()) {
        return Optional.of(
            problem(
                "%s would produce %s, but %s."
                    .formatted(
                        e.describeCapitalized(),
                        claim.namespace().describe(claim.name()),
                        why.get()),
                e));
      }
    }
    return Optional.empty();
  }

  /**
   * An enum value is the Java constant as written (the value stored in events and sent over the
   * API); {@code true}, {@code false} and {@code null} are no GraphQL enum value either.
   */
  private static Optional<Problem> javaWord(NamedElement e, String javaName) {
    if (!Reserved.isJavaKeyword(javaName)) {
      return Optional.empty();
    }
    String where = Set.of("true", "false", "null").contains(javaName) ? "Java and GraphQL" : "Java";
    return Optional.of(
        problem(
            "%s cannot keep its name: `%s` is a reserved word in %s."
                .formatted(e.describeCapitalized(), javaName, where),
            e));
  }

  /** A variable is an identifier in CEL, where a reserved word cannot be one. */
  private static Optional<Problem> celWord(NamedElement e) {
    if (!Reserved.CEL_WORDS.contains(e.name())) {
      return Optional.empty();
    }
    return Optional.of(
        problem(
            "%s cannot keep its name: `%s` is a reserved word in CEL, so expressions could not use it."
                .formatted(e.describeCapitalized(), e.name()),
            e));
  }

  private static Optional<Problem> scopeName(NamedElement e) {
    String meaning = Reserved.FLOW_SCOPE.get(e.name());
    if (meaning == null) {
      return Optional.empty();
    }
    return Optional.of(
        problem(
            "%s would hide `%s`, %s, from the expressions that follow it."
                .formatted(e.describeCapitalized(), e.name(), meaning),
            e));
  }

  private static Optional<Problem> builtinType(NamedElement e) {
    if (BuiltinType.named(Case.pascal(e.name())).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        problem(
            "%s has the name of a built-in type of the model language, so fields could not refer to it."
                .formatted(e.describeCapitalized()),
            e));
  }

  private static Problem problem(String message, NamedElement e) {
    return new Problem(message, "choose another name, such as `%s`".formatted(alternative(e)));
  }

  /**
   * Another name in the same convention: {@code AWSRegion} → {@code Region}, {@code in} → {@code
   * inValue}.
   */
  static String alternative(NamedElement e) {
    String name = e.name().replaceFirst("^_+", "");
    if (name.startsWith("AWS") && name.length() > 3) {
      return Case.pascal(name.substring(3));
    }
    return switch (e.kind()) {
      case FIELD, VARIABLE -> Case.camel(name) + "Value";
      case ENUM_VALUE -> Case.screamingSnake(name) + (Case.isScreamingSnake(name) ? "_VALUE" : "");
      case TYPE -> Case.pascal(name) + "Value";
      case ENTITY -> Case.pascal(name) + "Item";
      case ENUM -> Case.pascal(name) + "Kind";
      case QUERY -> "by" + Case.pascal(name);
      case ROLE -> Case.kebab(name) + "-role";
      default -> Case.pascal(name) + Case.capitalize(e.kind().label.toLowerCase(Locale.ROOT));
    };
  }
}
