package dev.tracepaper.output;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a generation would do to an output folder, decided before anything is written: one
 * {@link Change} per file (sorted by path) and the manifest to record. {@code tracepaper generate
 * --dry-run} prints it; {@link PlanWriter} carries it out when it has no conflict.
 */
public record Plan(Path out, List<Change> changes, Manifest manifest, boolean manifestChanged) {

  public Plan {
    changes = List.copyOf(changes);
  }

  public List<Change> with(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }

  public long count(Action action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }

  public boolean hasConflicts() {
    return count(Action.CONFLICT) > 0;
  }
}
