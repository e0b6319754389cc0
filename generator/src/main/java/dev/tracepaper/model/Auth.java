package dev.tracepaper.model;

import dev.tracepaper.source.SourceLocation;
import java.util.List;

/**
 * Who is admitted to a command, view or query: any one of the entries suffices.
 *
 * @param modes the entries that depend on the caller alone ({@code authenticated}, {@code role:x},
 *     ...)
 * @param owners the {@code owner:<field>} entries: the row's field holds the caller's id
 * @param conditions the {@code {when: CEL}} entries: the caller is admitted when it holds
 * @param location where the setting stands
 */
public record Auth(
    List<AuthMode> modes,
    List<Located<String>> owners,
    List<Expression> conditions,
    SourceLocation location) {

  public Auth {
    modes = List.copyOf(modes);
    owners = List.copyOf(owners);
    conditions = List.copyOf(conditions);
  }

  /** An auth of modes alone, which depends on nobody's data. */
  public Auth(List<AuthMode> modes, SourceLocation location) {
    this(modes, List.of(), List.of(), location);
  }

  /** Whether who is admitted depends on the data: an owner field or a condition. */
  public boolean dependsOnData() {
    return !owners.isEmpty() || !conditions.isEmpty();
  }

  /**
   * Whether a read must decide by the data who reads which rows: it depends on the data, and no
   * entry admits every caller AppSync lets through ({@code authenticated}, {@code anonymous}),
   * which would leave nothing to check.
   */
  public boolean checksReadsByData() {
    return dependsOnData()
        && modes.stream()
            .noneMatch(
                m ->
                    m.kind() == AuthMode.Kind.AUTHENTICATED || m.kind() == AuthMode.Kind.ANONYMOUS);
  }

  /** The roles its {@code role:x} entries name, each once, in order. */
  public List<String> roles() {
    return modes.stream().flatMap(m -> m.role().stream()).distinct().toList();
  }
}
