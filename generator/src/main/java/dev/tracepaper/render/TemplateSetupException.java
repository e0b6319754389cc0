package dev.tracepaper.render;

import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The templates of a {@code --templates} folder cannot be used as they stand: its {@code
 * templates.yaml} is wrong, a file in it is neither an override nor listed, or two outputs collide.
 * A mistake in the command's input, not a template failing to render: the CLI exits 2, and nothing
 * is written. Every problem found is reported at once, each with its place.
 */
public final class TemplateSetupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** One problem: where ({@code file:line:column}, or only the file) and what. */
  public record Problem(SourceLocation location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private final transient List<Problem> problems;

  public TemplateSetupException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
