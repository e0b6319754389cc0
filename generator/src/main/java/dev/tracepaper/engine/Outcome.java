package dev.tracepaper.engine;

import java.util.List;

/** What running a command or policy came to: events recorded, or an error. */
public sealed interface Outcome {

  /** It succeeded: {@code events} (perhaps none) were appended to the instance {@code key}. */
  record Recorded(String aggregate, String key, List<StoredEvent> events) implements Outcome {
    public Recorded {
      events = List.copyOf(events);
    }
  }

  /**
   * It failed with {@code code} (a rule's, a unique constraint's or a system code such as {@code
   * NOT_FOUND}) and recorded nothing.
   */
  record Refused(String code, String message) implements Outcome {}
}
