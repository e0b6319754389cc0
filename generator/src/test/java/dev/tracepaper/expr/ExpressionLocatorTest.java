package dev.tracepaper.expr;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.model.Expression;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlFile;
import dev.tracepaper.source.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets inside an expression map to the right line and column, however the YAML quotes it. */
class ExpressionLocatorTest {

  /** Where the first {@code marker} of the expression under {@code x:} stands in {@code yaml}. */
  private static SourceLocation locate(String yaml, String marker) {
    YamlFile file = new YamlReader().read(yaml, "m.yaml");
    ScalarNode node = (ScalarNode) file.root().orElseThrow().get("x").orElseThrow();
    Expression expression = Expression.of(node);
    int offset = expression.text().indexOf(marker);
    assertThat(offset).isAtLeast(0);
    return new ExpressionLocator(List.of(file.source())).locate(expression, offset);
  }

  @Test
  void plainScalar() {
    assertThat(locate("x: state.total > 0\n", "total"))
        .isEqualTo(SourceLocation.of("m.yaml", 1, 10));
  }

  @Test
  void singleQuotedWithDoubledQuotes() {
    String yaml = "x: 'a == ''b'' && state.total > 0'\n";
    assertThat(locate(yaml, "total")).isEqualTo(SourceLocation.of("m.yaml", 1, 25));
  }

  @Test
  void doubleQuotedWithEscapes() {
    String yaml = "x: \"a == \\\"\\u00e9\\\" && state.total > 0\"\n";
    // x: "a == \"\u00e9\" && state.total > 0"
    //                             ^ column 30
    assertThat(locate(yaml, "total")).isEqualTo(SourceLocation.of("m.yaml", 1, 30));
  }

  @Test
  void literalBlock() {
    String yaml = "x: |\n  a > 0 &&\n    state.total > 0\n";
    assertThat(locate(yaml, "total")).isEqualTo(SourceLocation.of("m.yaml", 3, 11));
  }

  @Test
  void foldedBlock() {
    String yaml = "x: >\n  a > 0 &&\n  state.total > 0\n";
    assertThat(locate(yaml, "total")).isEqualTo(SourceLocation.of("m.yaml", 3, 9));
  }

  @Test
  void plainScalarOverTwoLines() {
    String yaml = "x: a > 0 &&\n   state.total > 0\n";
    assertThat(locate(yaml, "total")).isEqualTo(SourceLocation.of("m.yaml", 2, 10));
  }

  @Test
  void endOfExpression() {
    YamlFile file = new YamlReader().read("x: '1 +'\n", "m.yaml");
    Expression expression =
        Expression.of((ScalarNode) file.root().orElseThrow().get("x").orElseThrow());
    assertThat(new ExpressionLocator(List.of(file.source())).locate(expression, 3))
        .isEqualTo(SourceLocation.of("m.yaml", 1, 8));
  }

  @Test
  void codePointOffsetsCountCharactersBeyondTheBasicPlane() {
    assertThat(ExpressionLocator.charOffset("'\uD83D\uDE00' + x", 4)).isEqualTo(5);
  }
}
