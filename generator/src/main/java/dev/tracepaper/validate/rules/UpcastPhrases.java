package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;

/** How messages about upcasts name the versions of an event. */
final class UpcastPhrases {

  private UpcastPhrases() {}

  /** "version 1 of event `BookLent`" */
  static String of(Event event, EventVersion version) {
    return "version %d of event `%s`".formatted(version.version(), event.name());
  }

  /** The version {@code version} upcasts into: "version 2 of event `BookLent`" or the current. */
  static String next(Event event, EventVersion version) {
    int next = version.version() + 1;
    return next == event.currentVersion()
        ? "event `%s` (version %d)".formatted(event.name(), next)
        : "version %d of event `%s`".formatted(next, event.name());
  }
}
