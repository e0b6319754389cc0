package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A name that is taken in the model or the API itself: a CEL reserved word or a name of the
 * expression scope ({@code now}, {@code state}, …) for a {@code let} variable; a Java keyword for
 * an enum value; a built-in type name for a type, enum, entity or view; or a name whose GraphQL
 * type, table or CloudFormation resource the generated project already uses, or that starts with
 * {@code AWS} or {@code __}. Names reserved only in generated Java are escaped there (JavaNames).
 */
public final class ReservedWord implements Rule {

  @Override
  public void check(ModelIndex model, Reporter report) {
    ReservedNames reserved = new ReservedNames(GeneratedNames.of(model));
    for (NamedElement e : NamedElements.of(model)) {
      reserved
          .problem(e)
          .ifPresent(problem -> report.error(e.location(), problem.message(), problem.hint()));
    }
  }
}
