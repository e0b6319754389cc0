package dev.tracepaper.validate.rules;

import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.naming.Reserved;
import dev.tracepaper.validate.rules.GeneratedNames.Claim;
import dev.tracepaper.validate.rules.GeneratedNames.Namespace;
import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Why a name is taken: a reserved word of Java, CEL or GraphQL, a name of the expression scope, or
 * a name the generated code, schema or template already uses. Shared by ReservedWord, which reports
 * it, and the convention rules, which then stay silent about the same name.
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

  /** Reserved words of the languages the name is written into as it stands (or camelCased). */
  private Optional<Problem> wordProblem(NamedElement e) {
    return switch (e.kind()) {
      case FIELD ->
          javaWord(e, JavaNames.member(e.name())).or(() -> celWord(e)).or(() -> objectMethod(e));
      case VARIABLE ->
          javaWord(e, JavaNames.variable(e.name())).or(() -> celWord(e)).or(() -> scopeName(e));
      case ENUM_VALUE -> javaWord(e, e.name());
      case TYPE, ENUM, ENTITY, VIEW -> builtinType(e);
      default -> Optional.empty();
    };
  }

  private Optional<Problem> generatedNameProblem(NamedElement e) {
    // The schema and the template first: `EventStore` is the event store's table before it is
    // the name of a runtime class.
    List<Claim> claims = new ArrayList<>(generated.of(e));
    claims.sort(Comparator.comparing(c -> c.namespace() == Namespace.JAVA_CLASS));
    for (Claim claim : claims) {
      Optional<String> why =
          switch (claim.namespace()) {
            case JAVA_CLASS ->
                Reserved.hiddenJavaClass(claim.simpleName())
                    .map(hidden -> "that would hide " + hidden + " in the generated code");
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

  private static Optional<Problem> javaWord(NamedElement e, String javaName) {
    if (!Reserved.isJavaKeyword(javaName)) {
      return Optional.empty();
    }
    String where = languagesReserving(e, javaName);
    String message =
        javaName.equals(e.name())
            ? "%s cannot keep its name: `%s` is a reserved word in %s."
                .formatted(e.describeCapitalized(), javaName, where)
            : "%s would be `%s` in Java, a reserved word there."
                .formatted(e.describeCapitalized(), javaName);
    return Optional.of(problem(message, e));
  }

  /** GraphQL enum values may not be {@code true}, {@code false} or {@code null} either. */
  private static String languagesReserving(NamedElement e, String javaName) {
    boolean literal = Set.of("true", "false", "null").contains(javaName);
    if (literal && e.kind() == Kind.ENUM_VALUE) {
      return "Java and GraphQL";
    }
    return Reserved.CEL_WORDS.contains(javaName) && e.kind() != Kind.ENUM_VALUE
        ? "Java and CEL"
        : "Java";
  }

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

  private static Optional<Problem> objectMethod(NamedElement e) {
    String member = JavaNames.member(e.name());
    if (!Reserved.OBJECT_METHODS.contains(member)) {
      return Optional.empty();
    }
    return Optional.of(
        problem(
            "%s would clash with the method `%s()` that every generated Java record has."
                .formatted(e.describeCapitalized(), member),
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
