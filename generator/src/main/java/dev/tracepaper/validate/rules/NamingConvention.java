package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.NamedElement.Convention;

/**
 * A name not written in the case convention of its kind: PascalCase for aggregates, entities,
 * commands, events, policies, views, types, enums and patterns; camelCase for fields, queries and
 * variables; lower-case words for roles; SCREAMING_SNAKE_CASE for enum values and rule codes. The
 * generator converts names anyway; the hint shows the name it would use.
 */
public final class NamingConvention implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    ReservedNames reserved = new ReservedNames(GeneratedNames.of(model));
    for (NamedElement e : NamedElements.of(model)) {
      Convention convention = e.kind().convention;
      if (!ValidNames.isUsable(e)
          || convention.isFollowedBy(e.name())
          || isGivenGroupName(e)
          || reserved.problem(e).isPresent()) {
        continue;
      }
      String converted = convention.apply(e.name());
      report.warning(
          e.location(),
          "%s is not written in %s.".formatted(e.describeCapitalized(), convention.label),
          hint(e, convention, converted));
    }
  }

  /**
   * A role holding characters beyond letters, digits, {@code -} and {@code _} ({@code
   * D3308175807:personal-developer}) follows the naming scheme of a user pool that exists already:
   * the model must use the group's name as it is, so no convention is asked of it.
   */
  private static boolean isGivenGroupName(NamedElement e) {
    return e.isRole() && !e.name().matches("[A-Za-z0-9_-]+");
  }

  private static String hint(NamedElement e, Convention convention, String converted) {
    // Enum values, rule codes, roles and patterns are used as written; other names are converted.
    boolean isConverted =
        (convention == Convention.PASCAL || convention == Convention.CAMEL)
            && e.kind() != NamedElement.Kind.PATTERN;
    return isConverted
        ? "write `%s`, the name the generated code uses".formatted(converted)
        : "write `%s`".formatted(converted);
  }
}
