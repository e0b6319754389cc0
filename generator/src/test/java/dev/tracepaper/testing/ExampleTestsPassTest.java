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
    everyTestPasses(TestPaths.examples().resolve(example));
  }

  /** The other models whose generated projects GeneratedProjectsTest builds and tests. */
  @ParameterizedTest
  @ValueSource(strings = {"e2e/hostile", "e2e/shapes"})
  void everyTestOfAModelTheEndToEndTestsBuildPasses(String model) {
    everyTestPasses(TestPaths.root().resolve("generator/src/test/resources").resolve(model));
  }

  private static void everyTestPasses(Path folder) {
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
    long flowTests = index.model().flows().mapToLong(f -> f.tests().size()).sum();
    long viewTests = index.model().views().stream().mapToLong(v -> v.tests().size()).sum();
    long handWritten =
        index.model().flows().filter(f -> f.custom()).mapToLong(f -> f.tests().size()).sum()
            + index.model().views().stream()
                .filter(v -> v.custom())
                .mapToLong(v -> v.tests().size())
                .sum();
    // The scenarios, and their coverage as one more test where app.scenarioCoverage sets a minimum.
    long scenarios =
        index.model().scenarios().size()
            + index
                .model()
                .app()
                .flatMap(a -> a.scenarioCoverage())
                .filter(c -> c.events().or(c::views).isPresent())
                .filter(
                    c ->
                        c.events().map(e -> e.value()).orElse(0L) > 0
                            || c.views().map(v -> v.value()).orElse(0L) > 0)
                .map(c -> 1)
                .orElse(0);
    long automationTests =
        index.model().automations().stream().mapToLong(a -> a.tests().size()).sum();
    assertThat(run.results()).hasSize((int) (flowTests + viewTests + automationTests + scenarios));
    assertThat(run.count(TestResult.Status.NOT_RUN)).isEqualTo(handWritten);
    assertThat(run.count(TestResult.Status.PASSED))
        .isEqualTo(flowTests + viewTests + automationTests - handWritten + scenarios);
    assertThat(run.results().stream().filter(r -> r.element().equals("scenarios")).count())
        .isEqualTo(scenarios);
  }
}
