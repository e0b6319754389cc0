package dev.tracepaper.validate.format;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.ValidationReport;
import java.util.List;
import java.util.Map;

/**
 * The human format: each diagnostic with its place, the offending line and a caret under the
 * column, then the hint; a summary line at the end.
 *
 * <pre>
 * model.yaml:12:9: error[UnknownEvent]: command `LendBook` emits `BookLnt`, …
 *    12 |       - BookLnt: {loanId: loanId}
 *       |         ^
 *    = hint: did you mean `BookLent`?
 * </pre>
 */
public final class TextFormatter implements DiagnosticFormatter {

  private final boolean summary;
  private final Severity failOn;

  /** With {@code summary}, a last line judges the model as {@code --fail-on error} does. */
  public TextFormatter(boolean summary) {
    this(summary, Severity.ERROR);
  }

  /** With {@code summary}, a last line judges the model against {@code failOn}. */
  public TextFormatter(boolean summary, Severity failOn) {
    this.summary = summary;
    this.failOn = failOn;
  }

  @Override
  public String format(ValidationReport report) {
    StringBuilder out = new StringBuilder();
    Map<String, SourceFile> sources = report.sourcesByPath();
    for (Diagnostic d : report.diagnostics()) {
      appendDiagnostic(out, d, sources.get(d.location().file()));
    }
    if (summary) {
      out.append(summaryLine(report, failOn)).append('\n');
    }
    return out.toString();
  }

  /**
   * Diagnostics outside a model (the extension files of a generated project), each with its code
   * frame when {@code sources} holds its file.
   */
  public static String format(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      appendDiagnostic(out, d, sources.get(d.location().file()));
    }
    return out.toString();
  }

  private static void appendDiagnostic(StringBuilder out, Diagnostic d, SourceFile source) {
    out.append(d.location())
        .append(": ")
        .append(d.severity().name().toLowerCase())
        .append('[')
        .append(d.id())
        .append("]: ")
        .append(d.message())
        .append('\n');
    out.append(details(d, source));
    out.append('\n');
  }

  /**
   * What the text format shows under a diagnostic's first line: the line of the model it points at
   * with a caret under the column (when {@code source} is its file), the hint, the related places;
   * each line ends with a line break.
   */
  public static String details(Diagnostic d, SourceFile source) {
    StringBuilder out = new StringBuilder();
    SourceLocation at = d.location();
    if (source != null && at.line() > 0) {
      String line = source.line(at.line());
      String number = String.valueOf(at.line());
      String gutter = " ".repeat(number.length());
      out.append(' ').append(number).append(" | ").append(line).append('\n');
      out.append(' ')
          .append(gutter)
          .append(" | ")
          .append(caretPad(line, at.column()))
          .append("^\n");
    }
    if (d.hasHint()) {
      out.append(" = hint: ").append(d.hint()).append('\n');
    }
    for (SourceLocation related : d.related()) {
      out.append(" = see also: ").append(related).append('\n');
    }
    return out.toString();
  }

  /** Spaces up to the column, keeping the line's own tabs so the caret lines up. */
  private static String caretPad(String line, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      pad.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }

  /**
   * "The model is valid: …" exactly when the run exits 0. When only diagnostics below ERROR fail
   * the run ({@code --fail-on warning}), the line says so, since the model would be valid without
   * the option.
   */
  public static String summaryLine(ValidationReport report, Severity failOn) {
    long errors = report.count(Severity.ERROR);
    int files = report.model().sources().size();
    String counts = counts(report);
    String verdict = report.valid(failOn) ? "The model is valid" : "The model is not valid";
    String line = "%s: %s in %s".formatted(verdict, counts, plural(files, "file"));
    if (errors == 0 && !report.valid(failOn)) {
      String option = failOn.name().toLowerCase(java.util.Locale.ROOT);
      long failing =
          report.diagnostics().stream().filter(d -> d.severity().atLeast(failOn)).count();
      line +=
          "; --fail-on %s makes %s fail the run"
              .formatted(option, failing == 1 ? "the " + option : "the " + option + "s");
    }
    return line + ".";
  }

  /** "2 errors, 1 warning, 0 notes": the report's diagnostics by severity. */
  public static String counts(ValidationReport report) {
    return plural(report.count(Severity.ERROR), "error")
        + ", "
        + plural(report.count(Severity.WARNING), "warning")
        + ", "
        + plural(report.count(Severity.NOTE), "note");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
