package dev.tracepaper.task;

import dev.tracepaper.cli.ExitCode;
import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code test}: validates a model, then runs its given/when/then tests on the model itself. */
public final class ModelTesting {

  private ModelTesting() {}

  /** The validation, and the tests' run when the model was valid (else no test ran). */
  public record Result(ValidationReport validation, Optional<ModelTests.Run> run) {

    public boolean passed() {
      return run.map(ModelTests.Run::passed).orElse(false);
    }

    public int exitCode() {
      if (run.isEmpty()) {
        return ExitCode.INVALID_MODEL;
      }
      return passed() ? ExitCode.OK : ExitCode.TESTS_FAILED;
    }
  }

  /** Validates and tests the model of {@code paths}, naming files relative to {@code base}. */
  public static Result run(List<Path> paths, Path base) {
    Validator.Outcome validated = new Validator().run(paths, base);
    if (ModelValidity.invalid(validated)) {
      return new Result(validated.report(), Optional.empty());
    }
    return new Result(
        validated.report(), Optional.of(ModelTests.run(validated.index().get(), r -> {})));
  }
}
