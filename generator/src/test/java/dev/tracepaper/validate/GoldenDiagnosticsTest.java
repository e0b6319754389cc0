package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Smithy-style golden tests: every {@code NAME.yaml} (or folder {@code NAME/} of files) under the
 * golden folder and under {@code examples/invalid} must give exactly the diagnostics in {@code
 * NAME.errors}. Run with {@code -Dgolden.update=true} to rewrite the {@code .errors} files, then
 * review the diff.
 */
class GoldenDiagnosticsTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Path> cases() throws IOException {
    return Stream.of(TestPaths.golden(), TestPaths.examples().resolve("invalid"))
        .filter(Files::isDirectory)
        .flatMap(GoldenDiagnosticsTest::casesIn)
        .sorted();
  }

  private static Stream<Path> casesIn(Path folder) {
    try (Stream<Path> list = Files.list(folder)) {
      return list
          .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".yaml"))
          .toList()
          .stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path errorsOf(Path model) {
    String name = model.getFileName().toString().replaceFirst("\\.yaml$", "");
    return model.resolveSibling(name + ".errors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyTheExpectedDiagnostics(Path model) throws IOException {
    ValidationReport report = new Validator().validate(List.of(model), model.getParent());
    String actual = new ErrorsFormatter().format(report);
    Path errorsFile = errorsOf(model);
    if (UPDATE) {
      Files.writeString(errorsFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.readString(errorsFile, StandardCharsets.UTF_8);
    assertWithMessage("diagnostics of %s (rerun with -Dgolden.update=true to rewrite)", model)
        .that(actual)
        .isEqualTo(expected);
    assertWithMessage("an invalid case must report at least one problem: %s", model)
        .that(report.diagnostics())
        .isNotEmpty();
  }
}
