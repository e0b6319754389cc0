package dev.tracepaper.validate.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.IntegerDivision;
import dev.tracepaper.expr.Target;
import dev.tracepaper.model.BuiltinType;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.Reporter;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import dev.tracepaper.validate.rules.shape.Phrases;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Int value computed with integer division goes into a Float field. The model language follows
 * CEL, where {@code (a + b) / 2} divides whole numbers and drops the fraction; the Float field then
 * holds {@code 3.0} for the average of 4 and 3, silently, until issue 11. Converting with {@code
 * double()} says which is meant: {@code double(a + b) / 2.0} keeps the fraction, {@code double((a +
 * b) / 2)} drops it on purpose. Followed through {@code let} variables, and reported where the
 * value goes into the field (an {@code emits} mapping, a copy by name, {@code apply}, a view's
 * {@code set}).
 */
public final class IntegerDivisionIntoFloat implements Rule {

  /** Where a division was found: the checked expression holding it, and the variable if any. */
  private record Found(CheckedExpression expression, CelExpr division, Optional<String> variable) {}

  @Override
  public void check(ModelIndex model, Reporter report) {
    CheckedExpressions checked = ExpressionChecker.checked(model);
    Map<Expression, Map<String, CheckedExpression>> letsOf = new HashMap<>();
    for (FlowSite site : FlowSite.all(model)) {
      Map<String, CheckedExpression> lets = lets(site, checked);
      site.flow().emits().stream()
          .flatMap(e -> e.mappings().stream())
          .forEach(m -> letsOf.put(m.value(), lets));
      implicitCopies(site, lets, report);
    }
    checked
        .valid()
        .forEach(
            c -> {
              Optional<Target> target = c.site().target();
              if (target.isEmpty() || !isFloat(target.get().type()) || !isInt(c)) {
                return;
              }
              Map<String, CheckedExpression> lets = letsOf.getOrDefault(c.expression(), Map.of());
              find(c, lets, new HashSet<>())
                  .ifPresent(
                      found ->
                          report(
                              c.expression().location(),
                              c.site().subject(),
                              "the field `%s` of %s"
                                  .formatted(target.get().field(), target.get().owner()),
                              found,
                              false,
                              report));
            });
  }

  /** A Float event field copied by name from a {@code let} variable computed by division. */
  private static void implicitCopies(
      FlowSite site, Map<String, CheckedExpression> lets, Reporter report) {
    for (Emit emit : site.flow().emits()) {
      Optional<Event> event = Copying.event(site, emit);
      if (event.isEmpty()) {
        continue;
      }
      for (Copying.Resolved r : Copying.resolve(site, emit, event.get())) {
        Field field = r.field();
        CheckedExpression let = lets.get(field.name());
        if (r.from() != Copying.From.LET || !isFloat(field.type()) || let == null || !isInt(let)) {
          continue;
        }
        String subject =
            "%s emits `%s`, whose field `%s` is copied from the variable `%s`, which"
                .formatted(
                    Phrases.capital(site.phrase()), emit.event(), field.name(), field.name());
        find(let, lets, new HashSet<>(Set.of(field.name())))
            .ifPresent(
                found ->
                    report(
                        emit.location(),
                        subject,
                        "the field `%s` of event `%s`".formatted(field.name(), emit.event()),
                        found.variable().isPresent()
                            ? found
                            : new Found(
                                found.expression(), found.division(), Optional.of(field.name())),
                        !found.variable().isPresent(),
                        report));
      }
    }
  }

  private static Map<String, CheckedExpression> lets(FlowSite site, CheckedExpressions checked) {
    Map<String, CheckedExpression> lets = new HashMap<>();
    for (Let let : site.flow().let()) {
      checked
          .of(let.value())
          .filter(CheckedExpression::isValid)
          .ifPresent(c -> lets.put(let.name(), c));
    }
    return lets;
  }

  /** The first integer division that reaches the value, in it or in a variable it reads. */
  private static Optional<Found> find(
      CheckedExpression expression, Map<String, CheckedExpression> lets, Set<String> seen) {
    CelAbstractSyntaxTree ast = expression.ast().orElseThrow();
    List<CelExpr> divisions = IntegerDivision.reachingValue(ast);
    if (!divisions.isEmpty()) {
      return Optional.of(new Found(expression, divisions.get(0), Optional.empty()));
    }
    for (String name : IntegerDivision.identifiersReachingValue(ast)) {
      CheckedExpression let = lets.get(name);
      if (let != null && seen.add(name)) {
        Optional<Found> found = find(let, lets, seen);
        if (found.isPresent()) {
          return Optional.of(
              found.get().variable().isPresent()
                  ? found.get()
                  : new Found(found.get().expression(), found.get().division(), Optional.of(name)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Reports at {@code where}; {@code variableIsSubject} when the subject already names the variable
   * the division is in.
   */
  private static void report(
      SourceLocation where,
      String subject,
      String field,
      Found found,
      boolean variableIsSubject,
      Reporter report) {
    CelAbstractSyntaxTree ast = found.expression().ast().orElseThrow();
    String through =
        variableIsSubject
            ? ""
            : found.variable().map(v -> ", through the variable `%s`,".formatted(v)).orElse("");
    String rewrite =
        found.variable().map(v -> "the variable `%s` as ".formatted(v)).orElse("")
            + "`"
            + IntegerDivision.asFloat(ast)
            + "`";
    String message =
        ("%s divides whole numbers%s (`%s`), and CEL drops the fraction of an integer division"
                + " (7 / 2 is 3): %s, a Float, would get a whole number.")
            .formatted(subject, through, IntegerDivision.text(ast, found.division()), field);
    String hint =
        "divide as Float: write %s; to drop the fraction on purpose, write `double(%s)`"
            .formatted(rewrite, found.expression().expression().text().strip());
    if (found.variable().isPresent()) {
      report.error(where, message, hint, found.expression().expression().location());
    } else {
      report.error(where, message, hint);
    }
  }

  private static boolean isFloat(TypeRef type) {
    return !type.list() && type.is(BuiltinType.Float);
  }

  private static boolean isInt(CheckedExpression c) {
    return c.isValid() && c.resultType().kind() == CelKind.INT;
  }
}
