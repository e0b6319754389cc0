package dev.tracepaper.runtime;

/** What a command expects of the instance it acts on: {@code creates} in the model. */
public enum Existence {
  /**
   * {@code creates: true}: the instance must not exist (a deleted one may start again), else the
   * command fails with {@code ALREADY_EXISTS}.
   */
  NEW,
  /** No {@code creates}: the instance must exist, else the command fails with {@code NOT_FOUND}. */
  EXISTING,
  /**
   * {@code creates: ifMissing}: a missing (or deleted) instance starts from the empty state, an
   * existing one is changed.
   */
  NEW_OR_EXISTING
}
