package dev.tracepaper.runtime;

/**
 * A stored event this code cannot read: its type is not an event of the aggregate (nor a name it
 * was {@code renamedFrom}), or a newer model than this code stored it. Never read as something
 * else: the read fails, and with it the command, projection or publication, until code that knows
 * the event is deployed.
 */
public final class UnreadableEventException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  UnreadableEventException(String message) {
    super(message);
  }

  /** The event's type is no event of the aggregate this code knows. */
  public static UnreadableEventException unknownType(StoredEvent stored) {
    return new UnreadableEventException(
        "%s: no event of %s is called %s in this code (was it removed without `renamedFrom` or"
                .formatted(name(stored), stored.aggregate(), stored.type())
            + " `retired: true`?)");
  }

  /** The event was stored by a model whose version of it is newer than this code's. */
  static UnreadableEventException newerVersion(StoredEvent stored, String type, int current) {
    return new UnreadableEventException(
        "%s: %s version %d was stored by a newer model; this code reads up to version %d (deploy the newer code again)"
            .formatted(name(stored), type, stored.schemaVersion(), current));
  }

  static UnreadableEventException noSuchVersion(StoredEvent stored, String type) {
    return new UnreadableEventException(
        "%s: %s has no version %d".formatted(name(stored), type, stored.schemaVersion()));
  }

  private static String name(StoredEvent stored) {
    return stored.streamId() + "@" + stored.version();
  }
}
