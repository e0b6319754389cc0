package dev.tracepaper.output;

import java.util.Optional;

/**
 * One file's part of a {@link Plan}: its path, what happens to it, why (for conflicts and notes;
 * empty otherwise), and the file to write (absent for deletions and for files kept as they are).
 */
public record Change(String path, Action action, String reason, Optional<GeneratedFile> file) {

  static Change of(GeneratedFile file, Action action) {
    return new Change(file.relativePath(), action, "", Optional.of(file));
  }

  static Change of(GeneratedFile file, Action action, String reason) {
    return new Change(file.relativePath(), action, reason, Optional.of(file));
  }

  static Change without(String path, Action action, String reason) {
    return new Change(path, action, reason, Optional.empty());
  }

  /** Whether applying the plan writes this file. */
  boolean writes() {
    return action == Action.CREATE || action == Action.UPDATE;
  }
}
