package dev.tracepaper.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.model.Expression;
import java.util.List;
import java.util.Optional;

/**
 * One expression of the model after parsing and type-checking.
 *
 * @param expression the expression as written
 * @param site where it stands and where its value goes
 * @param scope the names it could use
 * @param ast the checked syntax tree (with the type of every node), present when the expression is
 *     free of problems; generation translates it to Java
 * @param resultType the type the expression gives; {@code dyn} when it has problems
 * @param problems what CEL found wrong, in the modeller's words
 */
public record CheckedExpression(
    Expression expression,
    Site site,
    Scope scope,
    Optional<CelAbstractSyntaxTree> ast,
    CelType resultType,
    List<ExpressionProblem> problems) {

  public CheckedExpression {
    problems = List.copyOf(problems);
  }

  static CheckedExpression invalid(
      Expression expression, Site site, Scope scope, List<ExpressionProblem> problems) {
    return new CheckedExpression(
        expression, site, scope, Optional.empty(), SimpleType.DYN, problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
