package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every expression of every example becomes Java that compiles against stand-in records. */
class TranslatedExamplesTest {

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "projects"})
  void everyExpressionTranslatesAndCompiles(String example) {
    Path folder = TestPaths.examples().resolve(example);
    ValidationReport report = new Validator(List.of()).validate(List.of(folder), folder);
    CheckedExpressions checked = ExpressionChecker.checked(new ModelIndex(report.model()));
    JavaHarness harness = new JavaHarness(checked.types());
    JavaTranslator translator = new JavaTranslator(checked.types(), harness.names());
    List<String> imports = new ArrayList<>();
    StringBuilder methods = new StringBuilder();
    int n = 0;
    for (CheckedExpression expression : checked.all()) {
      assertThat(expression.isValid()).isTrue();
      Translation translation = translator.translate(expression);
      assertThat(translation).isInstanceOf(Translation.Java.class);
      Translation.Java java = (Translation.Java) translation;
      imports.addAll(java.imports());
      String parameters =
          expression.scope().names().entrySet().stream()
              .map(e -> harness.parameterType(e.getValue()) + " " + e.getKey())
              .collect(Collectors.joining(", "));
      methods.append(
          "  // %s%n  static Object e%d(%s) {%n    return %s;%n  }%n"
              .formatted(
                  expression.expression().text().replace("\n", " "), n++, parameters, java.code()));
    }
    assertThat(n).isGreaterThan(10);
    String source = harness.source("Translated", imports, methods.toString());
    if (System.getProperty("translate.print") != null) {
      System.out.println(methods);
    }
    JavaHarness.compile(
        Map.of("Translated", source, JavaNames.RUNTIME, JavaHarness.runtimeSource()));
  }
}
