package dev.tracepaper.engine;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.extensions.CelExtensions;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.tracepaper.expr.CheckedExpression;
import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.expr.ModelStruct;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.ModelIndex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the model's expressions: the checked syntax trees validation made ({@link
 * ExpressionChecker}), run by dev.cel's interpreter with the model's records as {@link ModelRecord}
 * and the functions Tracepaper adds to CEL ({@code dev.tracepaper.expr.Functions}) bound as the
 * runtime library computes them.
 */
final class Evaluator {

  private final CheckedExpressions checked;
  private final CelValues values;
  private final CelRuntime runtime;
  private final Map<Expression, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  Evaluator(ModelIndex index) {
    this.checked = ExpressionChecker.checked(index);
    this.values = new CelValues(checked.types());
    this.runtime = runtime();
  }

  CelValues values() {
    return values;
  }

  CheckedExpressions checked() {
    return checked;
  }

  /**
   * The value of {@code expression} with these names in scope; a failure (a field without a value
   * used, a division by zero, an overflow) is the {@link EvaluationFailed} the generated code's
   * exception stands for.
   */
  Object eval(Expression expression, Map<String, Object> names) {
    CelRuntime.Program program = programs.computeIfAbsent(expression, this::program);
    try {
      return program.eval(names);
    } catch (CelEvaluationException | RuntimeException e) {
      throw new EvaluationFailed(expression, e.getMessage());
    }
  }

  boolean test(Expression expression, Map<String, Object> names) {
    return Boolean.TRUE.equals(eval(expression, names));
  }

  private CelRuntime.Program program(Expression expression) {
    CheckedExpression found =
        checked
            .of(expression)
            .orElseThrow(() -> new IllegalStateException("unchecked expression " + expression));
    CelAbstractSyntaxTree ast =
        found
            .ast()
            .orElseThrow(() -> new IllegalStateException("invalid expression " + expression));
    try {
      return runtime.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("cannot plan " + expression + ": " + e.getMessage(), e);
    }
  }

  private Optional<Object> newValue(String typeName, Map<String, Object> fields) {
    Optional<ModelStruct> struct = values.types().struct(typeName);
    if (struct.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> given = new java.util.LinkedHashMap<>();
    for (var field : struct.get().fields()) {
      Object value = fields.get(field.name());
      if (value == null || value instanceof dev.cel.common.values.NullValue) {
        value = field.type().list() ? List.of() : null;
      }
      if (value != null) {
        given.put(field.name(), value);
      }
    }
    return Optional.of(new ModelRecord(struct.get(), given));
  }

  private CelRuntime runtime() {
    return CelRuntimeFactory.plannerRuntimeBuilder()
        .setOptions(dev.tracepaper.expr.ExpressionChecker.OPTIONS)
        .setValueProvider(this::newValue)
        .setTypeProvider(
            new CelTypeProvider() {
              @Override
              public ImmutableCollection<CelType> types() {
                return ImmutableList.of();
              }

              @Override
              public Optional<CelType> findType(String typeName) {
                return values.types().struct(typeName).map(ModelStruct::celType);
              }
            })
        .addLibraries(CelExtensions.strings())
        .addFunctionBindings(dev.tracepaper.engine.FunctionBindings.all())
        .build();
  }
}
