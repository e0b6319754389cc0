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
   * NOT_FOUND}) and recorded nothing. A {@code VALIDATION} failure names each failing field in
   * {@code fields}, under the message {@code Invalid input}, as the runtime's {@code CommandError}
   * answers it.
   */
  record Refused(String code, String message, List<FieldProblem> fields) implements Outcome {

    public Refused {
      fields = List.copyOf(fields);
    }

    public Refused(String code, String message) {
      this(code, message, List.of());
    }

    /** The code and message, with the failing fields where there are any, for a report. */
    public String describe() {
      StringBuilder text = new StringBuilder(code).append(": ").append(message);
      if (!fields.isEmpty()) {
        List<String> parts = fields.stream().map(p -> p.field() + " " + p.message()).toList();
        text.append(" (").append(String.join("; ", parts)).append(")");
      }
      return text.toString();
    }
  }
}
