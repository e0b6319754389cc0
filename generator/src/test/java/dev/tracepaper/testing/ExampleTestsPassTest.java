package dev.tracepaper.testing;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every test of the example models passes on the engine: their generated projects pass the same
 * tests, so a failure here is a difference between the engine and the generated code.
 */
class ExampleTestsPassTest {

  @ParameterizedTest
  @ValueSource(strings = {"library", "clinic", "tracepaper-studio", "projects"})
  void everyTestOfTheExamplePasses(String example) {
    Path folder = TestPaths.examples().resolve(example);
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    assertThat(outcome.report().hasErrors()).isFalse();
    ModelIndex index = outcome.index().orElseThrow();

    ModelTests.Run run = ModelTests.run(index, r -> {});

    List<String> failed =
        run.results().stream()
            .filter(r -> r.status() == TestResult.Status.FAILED)
            .map(r -> r.location() + " " + r.element() + " " + r.name() + ": " + r.mismatches())
            .toList();
    assertWithMessage(String.join("\n", failed)).that(failed).isEmpty();
    assertThat(run.count(TestResult.Status.PASSED)).isGreaterThan(5L);
  }
}
