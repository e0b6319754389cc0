package dev.tracepaper.validate.format;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.validate.ValidationReport;

/**
 * One line per diagnostic, the format of the golden {@code .errors} files: {@code [ERROR]
 * file:line:col RuleId: message | hint}.
 */
public final class ErrorsFormatter implements DiagnosticFormatter {

  @Override
  public String format(ValidationReport report) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : report.diagnostics()) {
      out.append(line(d)).append('\n');
    }
    return out.toString();
  }

  public static String line(Diagnostic d) {
    String text = "[%s] %s %s: %s".formatted(d.severity(), d.location(), d.id(), d.message());
    return d.hasHint() ? text + " | " + d.hint() : text;
  }
}
