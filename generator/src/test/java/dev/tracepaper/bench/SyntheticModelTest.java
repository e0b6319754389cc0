package dev.tracepaper.bench;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import dev.tracepaper.validate.format.ErrorsFormatter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's models must be valid, or the benchmark would measure early exits. */
class SyntheticModelTest {

  @Test
  void syntheticModelsAreValidWithoutWarnings(@TempDir Path dir) throws IOException {
    SyntheticModel.write(12, dir);

    ValidationReport report = new Validator().validate(List.of(dir), dir);

    assertWithMessage("diagnostics").that(new ErrorsFormatter().format(report)).isEmpty();
    assertWithMessage("files").that(report.model().sources()).hasSize(13);
    assertWithMessage("aggregates").that(report.model().aggregates()).hasSize(12);
  }
}
