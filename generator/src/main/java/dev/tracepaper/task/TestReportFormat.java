package dev.tracepaper.task;

import dev.tracepaper.testing.JsonReport;
import dev.tracepaper.testing.JunitReport;
import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.testing.TextReport;

/** The formats of a report of the model's tests ({@code test}). */
public enum TestReportFormat {
  text,
  json,
  junit;

  /** The report of {@code run}; {@code quiet} keeps only the failed tests of the text format. */
  public String format(ModelTests.Run run, boolean quiet) {
    return switch (this) {
      case text -> TextReport.format(run, quiet);
      case json -> JsonReport.format(run);
      case junit -> JunitReport.format(run);
    };
  }
}
