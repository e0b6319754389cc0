package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "never compute a different number than the model's text": random arithmetic over Int
 * and Float (integer division and modulo, overflow at the bounds of Int, {@code double()} and
 * {@code int()}, negation, mixed comparisons, {@code ? :}) is translated to Java, compiled, and run
 * on inputs that include {@code 0}, {@code -1} and the bounds of Int; each result must be dev.cel's
 * (both an error, or equal values, {@code -0.0} and NaN included). An Int expression {@code e} is
 * also compared as {@code double(e)}: what a Float field receives. Set {@code -Dtranslate.seed=N}
 * to replay a run.
 */
class ArithmeticDifferentialTest {

  private static final int EXPRESSIONS = 240;
  private static final int RUNS = 30;
  private static final List<String> INT_LITERALS =
      List.of("0", "1", "2", "3", "-1", "7", "9223372036854775807", "-9223372036854775807");
  private static final List<String> FLOAT_LITERALS =
      List.of("0.0", "0.5", "2.0", "-3.25", "1e308", "-0.0");

  @TempDir static Path folder;

  private static ModelTypes types;
  private static Map<String, CelType> scope;

  @BeforeAll
  static void model() throws Exception {
    Files.writeString(
        folder.resolve("app.yaml"),
        """
        tracepaper: 1
        app: {name: shop, package: com.example.shop}
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String, total: Int, price: Float, paid: Boolean, status: String,
              placedOn: Date, placedAt: DateTime, tags: '[String]', counts: '[Int]',
              lines: {type: '[Line]', key: lineId}, note: String}
            entities:
              Line: {lineId: String, qty: Int, label: String}
        """);
    ValidationReport report = new Validator(List.of()).validate(List.of(folder), folder);
    types = new ModelTypes(new ModelIndex(report.model()));
    Aggregate order = report.model().aggregates().get(0);
    scope = new LinkedHashMap<>();
    scope.put("state", types.state(order));
    scope.put("user", types.user());
    scope.put("now", SimpleType.TIMESTAMP);
    scope.put("today", ModelTypes.DATE);
    scope.put("n", SimpleType.INT);
    scope.put("s", SimpleType.STRING);
  }

  /** Random well-typed CEL text over the numbers in scope. */
  private record Generator(Random random) {

    String ofInt(int depth) {
      if (depth == 0 || random.nextInt(4) == 0) {
        return switch (random.nextInt(4)) {
          case 0 -> "n";
          case 1 -> "state.total";
          case 2 -> "size(state.counts)";
          default -> INT_LITERALS.get(random.nextInt(INT_LITERALS.size()));
        };
      }
      return switch (random.nextInt(9)) {
        case 0 -> binary(ofInt(depth - 1), "+", ofInt(depth - 1));
        case 1 -> binary(ofInt(depth - 1), "-", ofInt(depth - 1));
        case 2 -> binary(ofInt(depth - 1), "*", ofInt(depth - 1));
        case 3, 4 -> binary(ofInt(depth - 1), "/", ofInt(depth - 1));
        case 5 -> binary(ofInt(depth - 1), "%", ofInt(depth - 1));
        case 6 -> "-(" + ofInt(depth - 1) + ")";
        case 7 -> "int(" + ofFloat(depth - 1) + ")";
        default ->
            "(" + condition(depth - 1) + " ? " + ofInt(depth - 1) + " : " + ofInt(depth - 1) + ")";
      };
    }

    String ofFloat(int depth) {
      if (depth == 0 || random.nextInt(4) == 0) {
        return random.nextBoolean()
            ? "state.price"
            : FLOAT_LITERALS.get(random.nextInt(FLOAT_LITERALS.size()));
      }
      return switch (random.nextInt(7)) {
        case 0 -> binary(ofFloat(depth - 1), "+", ofFloat(depth - 1));
        case 1 -> binary(ofFloat(depth - 1), "-", ofFloat(depth - 1));
        case 2 -> binary(ofFloat(depth - 1), "*", ofFloat(depth - 1));
        case 3 -> binary(ofFloat(depth - 1), "/", ofFloat(depth - 1));
        case 4 -> "-(" + ofFloat(depth - 1) + ")";
        case 5 -> "double(" + ofInt(depth - 1) + ")";
        default ->
            "("
                + condition(depth - 1)
                + " ? "
                + ofFloat(depth - 1)
                + " : "
                + ofFloat(depth - 1)
                + ")";
      };
    }

    /** Comparisons, mixed ones included (the model enables CEL's heterogeneous comparisons). */
    String condition(int depth) {
      String[] operators = {"<", "<=", ">", ">="};
      String operator = operators[random.nextInt(operators.length)];
      return switch (random.nextInt(4)) {
        case 0 -> binary(ofInt(depth), operator, ofInt(depth));
        case 1 -> binary(ofFloat(depth), operator, ofFloat(depth));
        case 2 -> binary(ofInt(depth), operator, ofFloat(depth));
        default -> binary(ofInt(depth), "==", ofInt(depth));
      };
    }

    private static String binary(String a, String operator, String b) {
      return "(" + a + " " + operator + " " + b + ")";
    }
  }

  @Test
  void translatedArithmeticComputesWhatCelComputes() throws Exception {
    long seed = Long.getLong("translate.seed", System.nanoTime());
    System.out.println("ArithmeticDifferentialTest seed: " + seed);
    Generator generator = new Generator(new Random(seed));
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < EXPRESSIONS; i++) {
      String text = i % 2 == 0 ? generator.ofInt(3) : generator.ofFloat(3);
      texts.add(text);
      if (i % 2 == 0) {
        texts.add("double(" + text + ")"); // what a Float field receives from an Int
      }
    }
    CheckerSession session = new CheckerSession(new ModelTypeProvider(types));
    List<CelAbstractSyntaxTree> asts = new ArrayList<>();
    for (String text : texts) {
      CelAbstractSyntaxTree ast = JavaHarness.check(session, scope, text);
      CelKind kind = ast.getResultType().kind();
      assertWithMessage("type of %s", text)
          .that(kind == CelKind.INT || kind == CelKind.DOUBLE)
          .isTrue();
      asts.add(ast);
    }
    JavaHarness.Table table = new JavaHarness(types).table(scope, texts, asts);
    Method[] byIndex = table.methods();
    CelRuntime runtime = runtime();
    RandomInputs values = new RandomInputs(types, new Random(seed), table.loader());
    int compared = 0;
    int errors = 0;
    for (int run = 0; run < RUNS; run++) {
      Map<String, Object> cel = values.celInputs();
      Object[] java =
          scope.keySet().stream().map(n -> values.toJava(scope.get(n), cel.get(n))).toArray();
      for (int i = 0; i < texts.size(); i++) {
        Object expected = celResult(runtime, asts.get(i), cel);
        Object actual = javaResult(byIndex[i], java);
        assertWithMessage(
                "%s with n=%s, total=%s, price=%s (seed %s)",
                texts.get(i),
                cel.get("n"),
                ((Map<?, ?>) cel.get("state")).get("total"),
                ((Map<?, ?>) cel.get("state")).get("price"),
                seed)
            .that(actual)
            .isEqualTo(expected);
        compared++;
        errors += "error".equals(expected) ? 1 : 0;
      }
    }
    // Both outcomes must be exercised: values, and errors (overflow, division by zero).
    assertThat(errors).isGreaterThan(0);
    assertThat(compared - errors).isGreaterThan(compared / 4);
    System.out.printf(
        "ArithmeticDifferentialTest: %d expressions, %d comparisons, %d errors%n",
        texts.size(), compared, errors);
  }

  /**
   * dev.cel's runtime, except for the comparisons of an Int with a Float. dev.cel 0.14 compares
   * them with {@code Double.compare}, so {@code 0 <= -0.0} is false and NaN is above every number,
   * where CEL's specification compares numbers by value as IEEE 754 does ({@code 0 <= -0.0}, and
   * every comparison with NaN is false). The translation follows the specification ({@code (double)
   * i <= d}, docs/model-reference.md); {@link #celJavaDeviatesOnMixedComparisons} pins dev.cel's
   * behaviour so that an upgrade that changes it is noticed.
   */
  private static CelRuntime runtime() {
    return CelRuntimeFactory.standardCelRuntimeBuilder()
        .setOptions(CheckerSession.OPTIONS)
        .setStandardEnvironmentEnabled(false)
        .setStandardFunctions(
            CelStandardFunctions.newBuilder()
                .filterFunctions(
                    (function, overload) -> !MIXED.matcher(overload.toString()).matches())
                .build())
        .addFunctionBindings(
            mixed("less", (a, b) -> a < b),
            mixed("less_equals", (a, b) -> a <= b),
            mixed("greater", (a, b) -> a > b),
            mixed("greater_equals", (a, b) -> a >= b))
        .addFunctionBindings(
            mixedReversed("less", (a, b) -> a < b),
            mixedReversed("less_equals", (a, b) -> a <= b),
            mixedReversed("greater", (a, b) -> a > b),
            mixedReversed("greater_equals", (a, b) -> a >= b))
        .build();
  }

  private static final java.util.regex.Pattern MIXED =
      java.util.regex.Pattern.compile(
          "(LESS|LESS_EQUALS|GREATER|GREATER_EQUALS)_(INT64_DOUBLE|DOUBLE_INT64)");

  private interface DoubleComparison {
    boolean test(double a, double b);
  }

  private static CelFunctionBinding mixed(String name, DoubleComparison comparison) {
    return CelFunctionBinding.from(
        name + "_int64_double", Long.class, Double.class, (i, d) -> comparison.test((double) i, d));
  }

  private static CelFunctionBinding mixedReversed(String name, DoubleComparison comparison) {
    return CelFunctionBinding.from(
        name + "_double_int64", Double.class, Long.class, (d, i) -> comparison.test(d, (double) i));
  }

  @Test
  void celJavaDeviatesOnMixedComparisons() throws Exception {
    CelRuntime standard =
        CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(CheckerSession.OPTIONS).build();
    CheckerSession session = new CheckerSession(new ModelTypeProvider(types));
    assertThat(celResult(standard, check(session, "0 <= -0.0"), Map.of())).isEqualTo(false);
    assertThat(celResult(standard, check(session, "1 < 0.0 / 0.0"), Map.of())).isEqualTo(true);
    assertThat(celResult(runtime(), check(session, "0 <= -0.0"), Map.of())).isEqualTo(true);
    assertThat(celResult(runtime(), check(session, "1 < 0.0 / 0.0"), Map.of())).isEqualTo(false);
  }

  private static CelAbstractSyntaxTree check(CheckerSession session, String text) {
    return JavaHarness.check(session, scope, text);
  }

  private static Object celResult(
      CelRuntime runtime, CelAbstractSyntaxTree ast, Map<String, Object> inputs) {
    try {
      return runtime.createProgram(ast).eval(inputs);
    } catch (CelEvaluationException e) {
      return "error";
    }
  }

  private static Object javaResult(Method method, Object[] inputs) throws Exception {
    try {
      return method.invoke(null, inputs);
    } catch (InvocationTargetException e) {
      return "error";
    }
  }
}
