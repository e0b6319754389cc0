package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which names can become identifiers at all. Names end up in Java, GraphQL, CEL and CloudFormation,
 * whose common ground is ASCII letters, digits and {@code _}, starting with a letter. Roles are
 * Cognito group names and may also hold {@code -}. Rule codes are error types, any text.
 */
final class ValidNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern ROLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ValidNames() {}

  /** Why the name cannot be used, or empty when it can (or when ReservedWord judges it). */
  static Optional<String> problem(NamedElement e) {
    String name = e.name();
    if (e.kind() == Kind.RULE_CODE || startsLikeGraphQlIntrospection(e)) {
      return Optional.empty();
    }
    boolean role = e.isRole();
    return matches(name, role)
        ? Optional.empty()
        : Optional.of(reason(name, role ? ROLE : IDENTIFIER));
  }

  /**
   * {@code IDENTIFIER} (or {@code ROLE}) matches the whole name. Written out because several name
   * rules ask this of every element of a model: the regular expression cost more than the rules.
   */
  private static boolean matches(String name, boolean role) {
    if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && !(role && c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  /** Whether the name rules other than InvalidName and ReservedWord may judge this name. */
  static boolean isUsable(NamedElement e) {
    return problem(e).isEmpty() && !startsLikeGraphQlIntrospection(e);
  }

  /** {@code __typename}: GraphQL reserves the prefix; ReservedWord says so. */
  static boolean startsLikeGraphQlIntrospection(NamedElement e) {
    return !e.isRole() && e.kind() != Kind.RULE_CODE && e.name().startsWith("__");
  }

  /** The name in its kind's convention, if that is a valid name; empty otherwise. */
  static Optional<String> suggestion(NamedElement e) {
    if (!e.name().chars().allMatch(c -> c < 128)) {
      return Optional.empty();
    }
    String converted = e.kind().convention.apply(e.name());
    Pattern allowed = e.isRole() ? ROLE : IDENTIFIER;
    return allowed.matcher(converted).matches() ? Optional.of(converted) : Optional.empty();
  }

  private static String reason(String name, Pattern allowed) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    char first = name.charAt(0);
    if (Character.isDigit(first)) {
      return "it starts with a digit";
    }
    for (char c : name.toCharArray()) {
      if (!allowed.matcher(String.valueOf(c)).matches() && !isLaterCharacter(c, allowed)) {
        return describe(c);
      }
    }
    return "it starts with `" + first + "`";
  }

  /** Characters allowed after the first: digits, {@code _} and, for roles, {@code -}. */
  private static boolean isLaterCharacter(char c, Pattern allowed) {
    return Character.isDigit(c) || c == '_' || (allowed == ROLE && c == '-');
  }

  private static String describe(char c) {
    if (c == ' ') {
      return "it contains a space";
    }
    if (c > 127) {
      return "it contains `%s`, and GraphQL and CloudFormation names allow only ASCII letters"
          .formatted(c);
    }
    if (Character.isWhitespace(c) || Character.isISOControl(c)) {
      return "it contains a blank or control character";
    }
    return "it contains `%s`".formatted(c);
  }
}
