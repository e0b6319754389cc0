package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a stored event in the shape the current model writes: the generated {@link
 * AggregateType#upcast} calls it once per event type. Stored items are never rewritten; the upcast
 * happens on every read, before the payload becomes a typed event.
 */
public final class EventVersions {

  /** How a payload stored with an older version becomes the current version's. */
  @FunctionalInterface
  public interface Upcast {
    /**
     * @param version the version the payload was stored with, older than the current one
     * @param payload the payload as stored
     * @return the payload as the current version writes it
     */
    ObjectNode upcast(int version, ObjectNode payload);
  }

  private EventVersions() {}

  /**
   * {@code stored} as event {@code type} at {@code current}, the only version there is: renamed
   * from the name it was stored under, if another.
   */
  public static StoredEvent upcast(StoredEvent stored, String type, int current) {
    return upcast(stored, type, current, null);
  }

  /**
   * {@code stored} as event {@code type} at version {@code current}: renamed from the name it was
   * stored under, and its payload upcast by {@code older} when an older version stored it.
   *
   * @throws UnreadableEventException when a newer version than {@code current} stored it
   */
  public static StoredEvent upcast(StoredEvent stored, String type, int current, Upcast older) {
    int version = stored.schemaVersion();
    if (version > current) {
      throw UnreadableEventException.newerVersion(stored, type, current);
    }
    if (version == current) {
      if (stored.type().equals(type)) {
        return stored;
      }
      Invocation.current().upcast();
      return stored.upcastTo(type, current, stored.payload());
    }
    if (version < 1 || older == null) {
      throw UnreadableEventException.noSuchVersion(stored, type);
    }
    Invocation.current().upcast();
    // A copy: the stored event stays as read, whatever the upcast does with its argument.
    return stored.upcastTo(type, current, older.upcast(version, stored.payload().deepCopy()));
  }
}
