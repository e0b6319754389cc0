package dev.tracepaper.validate.rules;

import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.ExpressionProblem;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;

/** Reports, as errors, the problems of one kind that CEL finds in the model's expressions. */
abstract class CelProblemRule implements Rule {

  private final ExpressionProblem.Kind kind;

  CelProblemRule(ExpressionProblem.Kind kind) {
    this.kind = kind;
  }

  @Override
  public final void check(ModelIndex model, Reporter report) {
    ExpressionChecker.checked(model)
        .problems(kind)
        .forEach(p -> report.error(p.location(), p.message(), p.hint()));
  }
}
