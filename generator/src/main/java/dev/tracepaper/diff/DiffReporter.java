package dev.tracepaper.diff;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** Lets a diff rule report findings under its own id and severity. */
public final class DiffReporter {

  private final String ruleId;
  private final Severity severity;
  private final List<Diagnostic> found = new ArrayList<>();

  DiffReporter(String ruleId, Severity severity) {
    this.ruleId = ruleId;
    this.severity = severity;
  }

  /**
   * A finding at {@code location}: the new model's element, or for a removal the baseline's, as
   * {@link ModelChange.Side#at} names it.
   */
  public void report(SourceLocation location, String message, String hint) {
    found.add(new Diagnostic(ruleId, severity, location, message, hint, List.of()));
  }

  List<Diagnostic> found() {
    return List.copyOf(found);
  }
}
