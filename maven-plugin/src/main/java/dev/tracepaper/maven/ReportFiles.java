package dev.tracepaper.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a goal writes its report for CI: {@code outputFile} when set; else, for a format a machine
 * reads, {@code target/tracepaper/GOAL.FORMAT}; a text report without {@code outputFile} stays in
 * the log.
 */
final class ReportFiles {

  private ReportFiles() {}

  static Optional<Path> of(String format, File outputFile, File buildDirectory, String goal) {
    if (outputFile != null) {
      return Optional.of(outputFile.toPath());
    }
    if (format.equals("text")) {
      return Optional.empty();
    }
    return Optional.of(buildDirectory.toPath().resolve("tracepaper").resolve(goal + "." + format));
  }
}
