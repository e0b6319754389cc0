package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A name that cannot become an identifier: names appear in Java, GraphQL, CEL and CloudFormation,
 * which all accept ASCII letters, digits and {@code _}, starting with a letter (roles may also hold
 * {@code -}). {@code Book Copy}, {@code 2ndEdition}, {@code order-id} or {@code Bücher} would break
 * the generated project.
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
    String rule =
        e.isRole()
            ? "use ASCII letters, digits, `-` and `_`, starting with a letter"
            : "use ASCII letters, digits and `_`, starting with a letter";
    return ValidNames.suggestion(e).map(s -> rule + ": `%s`".formatted(s)).orElse(rule);
  }
}
