package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/** A change a projection makes to one row of its view. */
public sealed interface RowChange {

  /** The row's key: the value of the view's key field. */
  String key();

  /**
   * The row is now {@code row}: every field of the row as JSON (fields left out are absent). It
   * replaces what the row held before.
   */
  record Put(String key, ObjectNode row) implements RowChange {
    public Put {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(row, "row");
    }
  }

  /** The row is gone. */
  record Delete(String key) implements RowChange {
    public Delete {
      Objects.requireNonNull(key, "key");
    }
  }
}
