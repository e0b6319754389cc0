package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Parses and type-checks every CEL expression of a model with the names its place puts in scope.
 * Rules share one result per model through {@link #checked(ModelIndex)}.
 *
 * <p>Each aggregate and each view is checked as a unit (a flow's {@code let} variables must be
 * checked in order); large models check their units in parallel, each thread with its own checker
 * environment.
 */
public final class ExpressionChecker {

  /** The options expressions are parsed and checked with, which evaluating them must share. */
  public static final dev.cel.common.CelOptions OPTIONS = CheckerSession.OPTIONS;

  /** Below this many aggregates and views, starting threads costs more than it saves. */
  private static final int UNITS_FOR_THREADS = 64;

  private final ModelTypes types;
  private final ExpressionLocator locator;
  // Idle workers: a unit takes one (or makes one) and gives it back, so there are as many as units
  // ran at once. Not thread-locals: the common pool's threads outlive the model, and would keep a
  // worker (and through it the model) after the check.
  private final Queue<Worker> idle = new ConcurrentLinkedQueue<>();

  private ExpressionChecker(ModelIndex index) {
    this.types = new ModelTypes(index);
    this.locator = new ExpressionLocator(index.model().sources());
  }

  /** The model's expressions, checked once per model however many rules ask. */
  public static CheckedExpressions checked(ModelIndex index) {
    return index.derived(ExpressionChecker.class, ExpressionChecker::check);
  }

  /** Checks every expression of the model afresh. */
  public static CheckedExpressions check(ModelIndex index) {
    ExpressionChecker checker = new ExpressionChecker(index);
    List<Unit> units = new ArrayList<>();
    index
        .model()
        .aggregates()
        .forEach(a -> units.add(new Unit(Optional.of(a), walker -> walker.aggregate(a))));
    index
        .model()
        .views()
        .forEach(v -> units.add(new Unit(Optional.empty(), walker -> walker.view(v))));
    index
        .model()
        .automations()
        .forEach(a -> units.add(new Unit(Optional.empty(), walker -> walker.automation(a))));
    List<CheckedExpression> all = new ArrayList<>();
    if (units.size() < UNITS_FOR_THREADS || Runtime.getRuntime().availableProcessors() < 2) {
      units.forEach(unit -> all.addAll(checker.run(unit)));
    } else {
      // Units on the common pool, in model order: the caller and the pool's threads share them,
      // so an idle processor helps rather than waits for the checked expressions.
      units.parallelStream().map(checker::run).toList().forEach(all::addAll);
    }
    return new CheckedExpressions(all, checker.types, checker.locator);
  }

  /** An aggregate or a view; an aggregate's expressions may build its entities. */
  private record Unit(Optional<Aggregate> owner, Consumer<ModelWalker> walk) {}

  private List<CheckedExpression> run(Unit unit) {
    Worker taken = idle.poll();
    Worker worker = taken != null ? taken : new Worker(types, locator);
    List<CheckedExpression> found = new ArrayList<>();
    try {
      unit.walk()
          .accept(
              new ModelWalker(
                  types,
                  (expression, site, scope) -> {
                    CheckedExpression checked = worker.check(expression, site, scope, unit.owner());
                    found.add(checked);
                    return checked;
                  }));
    } finally {
      idle.add(worker);
    }
    return found;
  }

  /** The names an object literal may build a value of, seen from {@code owner}. */
  private static Set<String> typeNames(ModelTypes types, Optional<Aggregate> owner) {
    Set<String> names = new TreeSet<>(types.valueTypes().keySet());
    names.addAll(types.entities(owner).keySet());
    return names;
  }

  /** What a thread needs while it checks a unit: a checker environment of its own. */
  private static final class Worker {
    private final ModelTypes types;
    private final CheckerSession session;
    private final ProblemExplainer explainer;

    Worker(ModelTypes types, ExpressionLocator locator) {
      this.types = types;
      this.session = new CheckerSession(new ModelTypeProvider(types));
      this.explainer =
          new ProblemExplainer(
              types, locator, session.functionNames(), session.memberOnlyFunctions());
    }

    CheckedExpression check(
        Expression expression, Site site, Scope scope, Optional<Aggregate> owner) {
      String text = expression.text();
      CheckerSession.Parsed parsed = session.parse(text);
      if (parsed.ast().isEmpty()) {
        return CheckedExpression.invalid(
            expression, site, scope, explainer.syntax(expression, site, parsed.errors()));
      }
      CheckerSession.Checked checked = session.check(parsed.ast().get(), scope.names(), owner);
      if (!checked.errors().isEmpty() || checked.ast().isEmpty()) {
        return CheckedExpression.invalid(
            expression,
            site,
            scope,
            explainer.typeErrors(
                expression, site, scope, checked.ast(), checked.errors(), typeNames(types, owner)));
      }
      List<ExpressionProblem> incomplete =
          explainer.incompleteLiterals(expression, site, checked.ast().get());
      if (!incomplete.isEmpty()) {
        return CheckedExpression.invalid(expression, site, scope, incomplete);
      }
      CelType result = checked.ast().get().getResultType();
      return new CheckedExpression(expression, site, scope, checked.ast(), result, List.of());
    }
  }
}
