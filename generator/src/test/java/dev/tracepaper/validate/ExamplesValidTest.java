package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example domain (each folder of examples/ but invalid/) validates without an error. */
class ExamplesValidTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> list = Files.list(TestPaths.examples())) {
      return list
          .filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().equals("invalid"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleIsValid(Path example) {
    ValidationReport report = new Validator().validate(List.of(example), example);
    assertWithMessage("diagnostics of %s", example)
        .that(new ErrorsFormatter().format(report))
        .isEmpty();
    assertWithMessage("%s has no warnings either", example)
        .that(report.count(Severity.WARNING))
        .isEqualTo(0);
  }
}
