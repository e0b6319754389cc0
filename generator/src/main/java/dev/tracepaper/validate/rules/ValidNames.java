package dev.tracepaper.validate.rules;

import dev.tracepaper.validate.rules.NamedElement.Kind;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which names can become identifiers at all. Names end up in Java, GraphQL, CEL and CloudFormation,
 * whose common ground is ASCII letters, digits and {@code _}, starting with a letter. Rule codes
 * are error types, any text.
 *
 * <p>Roles are not identifiers: a role is the name of a Cognito user-pool group, often one that
 * exists already ({@code D3308175807:personal-developer}), so it is judged by Cognito's own rule
 * for {@code GroupName}: letters, marks, symbols, digits and punctuation ({@code
 * [\p{L}\p{M}\p{S}\p{N}\p{P}]+}), no blank or control character; AwsNameTooLong checks the
 * 128-character limit. The generated code only ever quotes a role (Java, GraphQL and YAML strings)
 * or derives an ASCII logical id from it (AwsNames.roleGroupId), so any such name is safe.
 */
final class ValidNames {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  /** Cognito's pattern for a group name (CreateGroup, GroupName). */
  static final Pattern COGNITO_GROUP = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");

  private ValidNames() {}

  /** Why the name cannot be used, or empty when it can (or when ReservedWord judges it). */
  static Optional<String> problem(NamedElement e) {
    String name = e.name();
    if (e.kind() == Kind.RULE_CODE || startsLikeGraphQlIntrospection(e)) {
      return Optional.empty();
    }
    if (e.isRole()) {
      return COGNITO_GROUP.matcher(name).matches()
          ? Optional.empty()
          : Optional.of(name.isEmpty() ? "it is empty" : roleReason(name));
    }
    return matches(name) ? Optional.empty() : Optional.of(reason(name));
  }

  /**
   * {@code IDENTIFIER} matches the whole name. Written out because several name rules ask this of
   * every element of a model: the regular expression cost more than the rules.
   */
  private static boolean matches(String name) {
    if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** The first character of a role that Cognito's pattern refuses: a blank or a control. */
  private static String roleReason(String name) {
    return name.codePoints()
        .filter(c -> !COGNITO_GROUP.matcher(Character.toString(c)).matches())
        .mapToObj(
            c -> c == ' ' ? "it contains a space" : "it contains a blank or control character")
        .findFirst()
        .orElse("it is not a Cognito group name");
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
    Pattern allowed = e.isRole() ? COGNITO_GROUP : IDENTIFIER;
    return allowed.matcher(converted).matches() ? Optional.of(converted) : Optional.empty();
  }

  private static String reason(String name) {
    if (name.isEmpty()) {
      return "it is empty";
    }
    char first = name.charAt(0);
    if (Character.isDigit(first)) {
      return "it starts with a digit";
    }
    for (char c : name.toCharArray()) {
      if (!IDENTIFIER.matcher(String.valueOf(c)).matches() && !isLaterCharacter(c)) {
        return describe(c);
      }
    }
    return "it starts with `" + first + "`";
  }

  /** Characters allowed after the first: digits and {@code _}. */
  private static boolean isLaterCharacter(char c) {
    return Character.isDigit(c) || c == '_';
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
