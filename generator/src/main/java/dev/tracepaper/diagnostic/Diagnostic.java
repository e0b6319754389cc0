package dev.tracepaper.diagnostic;

import dev.tracepaper.source.SourceLocation;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in a model: a stable rule id, its severity, where it is, what is wrong in the
 * model's own words, and a hint on how to fix it (empty when there is nothing useful to add).
 * {@code related} names other places that take part, such as the first definition of a duplicate.
 */
public record Diagnostic(
    String id,
    Severity severity,
    SourceLocation location,
    String message,
    String hint,
    List<SourceLocation> related) {

  /** Orders by file, line, column, then id and message, so that output is stable. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::id)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
    related = related == null ? List.of() : List.copyOf(related);
  }

  public static Diagnostic error(String id, SourceLocation location, String message) {
    return new Diagnostic(id, Severity.ERROR, location, message, "", List.of());
  }

  public static Diagnostic warning(String id, SourceLocation location, String message) {
    return new Diagnostic(id, Severity.WARNING, location, message, "", List.of());
  }

  public static Diagnostic note(String id, SourceLocation location, String message) {
    return new Diagnostic(id, Severity.NOTE, location, message, "", List.of());
  }

  public Diagnostic withHint(String newHint) {
    return new Diagnostic(id, severity, location, message, newHint, related);
  }

  public Diagnostic withMessage(String newMessage) {
    return new Diagnostic(id, severity, location, newMessage, hint, related);
  }

  public Diagnostic withRelated(SourceLocation... places) {
    return new Diagnostic(id, severity, location, message, hint, List.of(places));
  }

  public boolean hasHint() {
    return !hint.isEmpty();
  }
}
