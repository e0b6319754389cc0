package dev.tracepaper.diagnostic;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics during one stage; every stage reports all it finds, never throws. */
public final class DiagnosticSink {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public void report(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  public void reportAll(Iterable<Diagnostic> more) {
    more.forEach(diagnostics::add);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
