package dev.tracepaper.model;

import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A scenario across the application ({@code scenarios:}): steps through the API, in order, each a
 * command as a caller, a query of a view, or variables set for later steps. Values are kept as the
 * YAML nodes written, so that a wrong value can be pointed at.
 *
 * @param as the caller of every step that names none
 */
public record Scenario(
    String name,
    Optional<String> description,
    Optional<TestCase.Caller> as,
    List<Step> steps,
    SourceLocation location) {

  public Scenario {
    steps = List.copyOf(steps);
  }

  /** What a step does. */
  public enum Kind {
    SET,
    COMMAND,
    QUERY
  }

  /**
   * One step.
   *
   * @param target the command ({@code OpenTask} or {@code Task.OpenTask}) or the query ({@code
   *     PendingTask.byWorkspace}); empty for {@code set}
   * @param values the command's {@code input}, the query's {@code args}, or the variables {@code
   *     set}
   * @param expect values the answer holds, by path ({@code items.0.title})
   * @param extract variables taken from the answer: name to path
   * @param error the error code the step must fail with
   * @param message the message that error must have, where the step says
   * @param at the moment a command step runs ({@code now} for it and the policies it causes), a UTC
   *     time; absent, the moment it runs
   */
  public record Step(
      Kind kind,
      Optional<Located<String>> target,
      Optional<String> name,
      Optional<TestCase.Caller> as,
      MappingNode values,
      MappingNode expect,
      MappingNode extract,
      Optional<Located<String>> error,
      Optional<Located<String>> message,
      Optional<Located<String>> at,
      SourceLocation location) {}

  /** The minimum shares (percent) of events recorded and views queried across all scenarios. */
  public record Coverage(
      Optional<Located<Long>> events, Optional<Located<Long>> views, SourceLocation location) {}
}
