package dev.tracepaper.model;

import java.util.List;

/**
 * The event a hint shows when it explains how to write one ({@code - NoteWritten: {noteId: …}}):
 * the first event of the aggregate being read and its first field, so that hints speak the user's
 * own model; {@code <Event>} and {@code <field>} when the aggregate has none yet.
 */
record EventExample(String event, String field) {

  static final EventExample PLACEHOLDER = new EventExample("<Event>", "<field>");

  static EventExample of(List<Event> events) {
    return events.stream()
        .findFirst()
        .map(
            e ->
                new EventExample(
                    e.name(), e.fields().stream().findFirst().map(Field::name).orElse("<field>")))
        .orElse(PLACEHOLDER);
  }

  /** {@code - NoteWritten: {noteId: <value>}}, with {@code value} as the field's placeholder. */
  String entry(String value) {
    return "- %s: {%s: %s}".formatted(event, field, value);
  }
}
