package dev.tracepaper.model;

/** Whether a command or policy starts its instance ({@code creates}). */
public enum Creation {
  /** No {@code creates}: the instance must exist, else the flow fails with {@code NOT_FOUND}. */
  UPDATES,
  /** {@code creates: true}: the instance must not exist, else {@code ALREADY_EXISTS}. */
  CREATES,
  /**
   * {@code creates: ifMissing}: starts the instance when it does not exist (or was deleted), and
   * changes it when it does.
   */
  CREATES_OR_UPDATES
}
