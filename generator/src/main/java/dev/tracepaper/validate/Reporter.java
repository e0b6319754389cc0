package dev.tracepaper.validate;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.DiagnosticSink;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.source.SourceLocation;
import java.util.List;

/** Lets a rule report problems under its own id. */
public final class Reporter {

  private final String ruleId;
  private final DiagnosticSink sink;

  public Reporter(String ruleId, DiagnosticSink sink) {
    this.ruleId = ruleId;
    this.sink = sink;
  }

  public void error(
      SourceLocation location, String message, String hint, SourceLocation... related) {
    add(Severity.ERROR, location, message, hint, related);
  }

  public void warning(
      SourceLocation location, String message, String hint, SourceLocation... related) {
    add(Severity.WARNING, location, message, hint, related);
  }

  public void note(
      SourceLocation location, String message, String hint, SourceLocation... related) {
    add(Severity.NOTE, location, message, hint, related);
  }

  private void add(
      Severity severity,
      SourceLocation location,
      String message,
      String hint,
      SourceLocation... related) {
    sink.report(new Diagnostic(ruleId, severity, location, message, hint, List.of(related)));
  }
}
