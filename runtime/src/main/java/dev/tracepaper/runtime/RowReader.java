package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Reads the current rows of a view while a projection computes its changes. */
public interface RowReader {

  /** The fields of the row with {@code key}, or empty when there is none (or it was deleted). */
  Optional<ObjectNode> row(String key);
}
