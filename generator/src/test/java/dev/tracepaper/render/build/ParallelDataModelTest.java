package dev.tracepaper.render.build;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import dev.tracepaper.bench.SyntheticModel;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data model built with the aggregates in parallel equals the one built on one thread, so a
 * helper that is not safe to share between threads shows here rather than as a generated project
 * that differs from run to run.
 */
class ParallelDataModelTest {

  @Test
  void aLargeModelBuildsTheSameInParallel(@TempDir Path dir) throws IOException {
    SyntheticModel.write(48, dir);
    ModelIndex index = index(dir);

    assertThat(index.model().aggregates()).hasSize(48);
    for (int round = 0; round < 3; round++) {
      assertThat(ProjectDataBuilder.build(index))
          .isEqualTo(ProjectDataBuilder.buildSequentially(index(dir)));
    }
  }

  @Test
  void theExamplesBuildTheSameInParallel() {
    for (String example : List.of("library", "clinic", "projects", "tracepaper-studio")) {
      Path folder = TestPaths.examples().resolve(example);
      assertThat(ProjectDataBuilder.buildInParallel(index(folder)))
          .isEqualTo(ProjectDataBuilder.buildSequentially(index(folder)));
    }
  }

  private static ModelIndex index(Path folder) {
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    assertThat(outcome.report().hasErrors()).isFalse();
    return outcome.index().orElseThrow();
  }
}
