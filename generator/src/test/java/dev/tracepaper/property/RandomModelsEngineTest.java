package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.testing.TestResult;
import dev.tracepaper.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests of every valid random model pass on the engine: {@link RandomModelsPropertyTest} holds
 * the generated projects of such models to passing the same tests, so a test failing here is a
 * difference between {@code tracepaper test} and the generated code. The base seed is printed;
 * replay one model with {@code -Dproperty.seed=N}, run more with {@code -Dproperty.cases=N}.
 */
class RandomModelsEngineTest {

  private static final long BASE_SEED = Long.getLong("property.seed", System.nanoTime());
  private static final int CASES =
      Integer.getInteger("property.cases", System.getProperty("property.seed") != null ? 1 : 60);

  @TempDir Path temp;

  @Test
  void theTestsOfEveryValidModelPassOnTheEngine() throws Exception {
    System.out.println("RandomModelsEngineTest base seed: " + BASE_SEED);
    int ran = 0;
    for (int i = 0; i < CASES; i++) {
      long seed = BASE_SEED + i;
      RandomModel.Generated model = RandomModel.of(seed);
      Path folder = Files.createDirectories(temp.resolve("model-" + i));
      Files.writeString(folder.resolve("model.yaml"), model.yaml(), UTF_8);
      Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
      if (outcome.report().hasErrors() || outcome.index().isEmpty()) {
        continue;
      }
      List<TestResult> failed =
          ModelTests.run(outcome.index().get(), r -> {}).results().stream()
              .filter(r -> r.status() == TestResult.Status.FAILED)
              .toList();
      assertWithMessage(
              "seed %s (replay with -Dproperty.seed=%s):\n%s\n%s", seed, seed, failed, model.yaml())
          .that(failed)
          .isEmpty();
      ran++;
    }
    assertWithMessage("valid models among %s", CASES).that(ran).isAtLeast(CASES / 2);
  }
}
