package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A name that cannot become an identifier: names appear in Java, GraphQL, CEL and CloudFormation,
 * which all accept ASCII letters, digits and {@code _}, starting with a letter. {@code Book Copy},
 * {@code 2ndEdition}, {@code order-id} or {@code Bücher} would break the generated project. A role
 * is a Cognito group name instead, judged by Cognito's rule (see ValidNames): only a blank or a
 * control character makes it invalid.
 */
public final class InvalidName implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    for (NamedElement e : NamedElements.of(model)) {
      ValidNames.problem(e)
          .ifPresent(
              why ->
                  report.error(
                      e.location(),
                      e.name().isEmpty()
                          ? emptyNameMessage(e)
                          : e.isRole()
                              ? "%s is not a Cognito group name, which a role is: %s."
                                  .formatted(e.describeCapitalized(), why)
                              : "%s cannot be used as a name in the generated code: %s."
                                  .formatted(e.describeCapitalized(), why),
                      hint(e)));
    }
  }

  /** {@code A field of type `Thing` has an empty name, …}: an empty name cannot be quoted. */
  private static String emptyNameMessage(NamedElement e) {
    String label = e.kind().label;
    String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "An" : "A";
    String owner = e.owner().map(o -> " of " + o.describe()).orElse("");
    return "%s %s%s has an empty name, which cannot be used in the generated code."
        .formatted(article, label, owner);
  }

  private static String hint(NamedElement e) {
    if (e.isRole()) {
      String rule =
          "a group name holds letters, digits, marks, symbols and punctuation (such as `-`, `_`"
              + " and `:`), and no blank";
      return ValidNames.suggestion(e).map(s -> "write `%s`; %s".formatted(s, rule)).orElse(rule);
    }
    String rule = "use ASCII letters, digits and `_`, starting with a letter";
    return ValidNames.suggestion(e).map(s -> rule + ": `%s`".formatted(s)).orElse(rule);
  }
}
