package dev.tracepaper.validate.rules;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/**
 * A name that is taken: a reserved word of Java or CEL for a field, variable or enum value; a name
 * of the expression scope ({@code now}, {@code state}, …) for a {@code let} variable; a built-in
 * type name for a type, enum, entity or view; or a name whose generated Java class, GraphQL type,
 * table or CloudFormation resource is already used by the generated project, hides a Java class the
 * generated code uses, or starts with {@code AWS} or {@code __}.
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
