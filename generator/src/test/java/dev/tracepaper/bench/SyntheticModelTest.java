package dev.tracepaper.bench;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.output.FileTree;
import dev.tracepaper.render.ProjectRenderer;
import dev.tracepaper.render.TemplateFailure;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' models must be valid and generate, or the benchmarks would measure early exits.
 */
class SyntheticModelTest {

  @Test
  void syntheticModelsAreValidWithoutWarnings(@TempDir Path dir) throws IOException {
    SyntheticModel.write(12, dir);

    ValidationReport report = new Validator().validate(List.of(dir), dir);

    assertWithMessage("diagnostics").that(new ErrorsFormatter().format(report)).isEmpty();
    assertWithMessage("files").that(report.model().sources()).hasSize(13);
    assertWithMessage("aggregates").that(report.model().aggregates()).hasSize(12);
  }

  @Test
  void syntheticModelsGenerate(@TempDir Path dir) throws IOException, TemplateFailure {
    SyntheticModel.write(3, dir);

    Validator.Outcome validated = new Validator().run(List.of(dir), dir);
    FileTree tree =
        ProjectRenderer.packaged()
            .render(ProjectDataBuilder.build(validated.index().orElseThrow()));

    assertWithMessage("files").that(tree.files().size()).isGreaterThan(3 * 20);
  }
}
