package dev.tracepaper.diff;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests of {@code tracepaper diff}: every folder {@code NAME/} under {@code diff/} holds a
 * baseline {@code old.yaml} and a changed {@code new.yaml}, both valid, and {@code NAME.errors} the
 * exact findings, notes included. Each rule has a breaking case and, where the language can declare
 * it, the same change made compatible. {@code -Dgolden.update=true} rewrites the files.
 */
class GoldenDiffTest {

  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Path folder() {
    return TestPaths.root().resolve("generator/src/test/resources/diff");
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> list = Files.list(folder())) {
      return list.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  static String findings(Path folder) {
    try {
      Validator.Outcome current = new Validator().run(List.of(folder.resolve("new.yaml")), folder);
      assertWithMessage("new.yaml of %s must be valid: %s", folder, current.report().diagnostics())
          .that(current.report().hasErrors())
          .isFalse();
      Baseline baseline = Baseline.load(folder.resolve("old.yaml").toString(), List.of(), folder);
      assertWithMessage("old.yaml of %s must be valid: %s", folder, baseline.errors())
          .that(baseline.valid())
          .isTrue();
      ValidationReport report = baseline.compare(current.index().orElseThrow());
      return new ErrorsFormatter().format(report);
    } catch (BaselineUnavailable e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Path> models() {
    return Stream.of(
        TestPaths.examples().resolve("library"),
        TestPaths.examples().resolve("clinic"),
        TestPaths.root().resolve("generator/src/test/resources/generated/shop/model.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void aModelComparedWithItselfHasNoFindings(Path model) throws BaselineUnavailable {
    Validator.Outcome current = new Validator().run(List.of(model), model.getParent());
    Baseline baseline = Baseline.load(model.toString(), List.of(), model.getParent());

    assertWithMessage("findings of %s against itself", model)
        .that(baseline.compare(current.index().orElseThrow()).diagnostics())
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void givesExactlyTheExpectedFindings(Path folder) throws IOException {
    String actual = findings(folder);
    Path errorsFile = folder.resolveSibling(folder.getFileName() + ".errors");
    if (UPDATE) {
      Files.writeString(errorsFile, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected;
    try {
      expected = Files.readString(errorsFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("no " + errorsFile + " (run with -Dgolden.update=true)", e);
    }
    assertWithMessage("findings of %s (rerun with -Dgolden.update=true to rewrite)", folder)
        .that(actual)
        .isEqualTo(expected);
  }
}
