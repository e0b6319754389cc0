package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: the generated runtime checked {@code pattern: '{{Sku}}'} without Sku's anchors, so a
 * value that merely contained a SKU passed. The shop model checks {@code sku} with {@code pattern:
 * Sku} in {@code AddLine} and with {@code pattern: '{{Sku}}'} in {@code CountStock}: the generated
 * checks must accept and refuse the same values.
 */
class SplicedPatternsTest {

  private static final Pattern CONSTANT =
      Pattern.compile("SKU_PATTERN = Pattern\\.compile\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\);");

  @Test
  void theGeneratedCheckOfASplicedPatternIsTheNamedPatternsCheck() throws Exception {
    Map<String, String> files =
        GeneratedGoldenTest.render(
            TestPaths.root().resolve("generator/src/test/resources/generated/shop/model.yaml"));
    Pattern named = constant(files, "src/main/java/com/example/shop/order/AddLine.java");
    Pattern spliced = constant(files, "src/main/java/com/example/shop/stock/CountStock.java");
    for (String value :
        List.of("ABC-1234", "xxABC-1234yy", "ABC-12345", "abc-1234", "ABC-1234\nx", "")) {
      assertWithMessage("%s and %s on %s", named, spliced, value)
          .that(spliced.matcher(value).find())
          .isEqualTo(named.matcher(value).find());
    }
    assertThat(spliced.matcher("xxABC-1234yy").find()).isFalse();
  }

  private static Pattern constant(Map<String, String> files, String path) {
    Matcher m = CONSTANT.matcher(files.get(path));
    assertWithMessage("a SKU_PATTERN constant in %s", path).that(m.find()).isTrue();
    return Pattern.compile(m.group(1).replace("\\\\", "\\"));
  }
}
