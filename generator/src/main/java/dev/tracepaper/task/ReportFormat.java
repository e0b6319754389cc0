package dev.tracepaper.task;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.diff.DiffRules;
import dev.tracepaper.validate.format.DiagnosticFormatter;
import dev.tracepaper.validate.format.JsonFormatter;
import dev.tracepaper.validate.format.SarifFormatter;
import dev.tracepaper.validate.format.TextFormatter;

/** The formats of a report of diagnostics ({@code validate} and {@code diff}). */
public enum ReportFormat {
  text,
  json,
  sarif;

  /**
   * The formatter that judges a report against {@code threshold}, as the exit code does; {@code
   * textSummary} adds the text format's summary line.
   */
  public DiagnosticFormatter formatter(Severity threshold, boolean textSummary) {
    return switch (this) {
      case text -> new TextFormatter(textSummary, threshold);
      case json -> new JsonFormatter(threshold);
      case sarif ->
          new SarifFormatter(
              GeneratorVersion.read().orElse("unknown"), threshold, DiffRules::helpUri);
    };
  }
}
