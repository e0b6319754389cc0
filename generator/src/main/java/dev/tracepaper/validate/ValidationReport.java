package dev.tracepaper.validate;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.Model;
import dev.tracepaper.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The outcome of validating a model: the model read and every diagnostic, in file order. */
public record ValidationReport(Model model, List<Diagnostic> diagnostics) {

  public ValidationReport {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).distinct().toList();
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** True when some diagnostic is at least as serious as {@code threshold}. */
  public boolean fails(Severity threshold) {
    return diagnostics.stream().anyMatch(d -> d.severity().atLeast(threshold));
  }

  /**
   * The verdict every output format states and the exit code follows: the model is valid when no
   * diagnostic is at or above {@code failOn} ({@code --fail-on}), so that a run never says "valid"
   * and fails, or the other way round.
   */
  public boolean valid(Severity failOn) {
    return !fails(failOn);
  }

  public Map<String, SourceFile> sourcesByPath() {
    return model.sources().stream()
        .collect(Collectors.toMap(SourceFile::path, Function.identity(), (a, b) -> a));
  }

  public Optional<SourceFile> source(String path) {
    return Optional.ofNullable(sourcesByPath().get(path));
  }
}
