package dev.tracepaper.render.data;

import java.util.List;

/**
 * A {@code unique} constraint of an aggregate, as its aggregate type claims it.
 *
 * @param constant the constant that holds it in the aggregate type ({@code UNIQUE_ROOM_SLOT})
 * @param name its name in the event store: its fields joined with {@code +} ({@code room+slot})
 * @param code the error code of a command that would take a value another instance holds
 * @param message that error's message
 * @param values the Java expressions of the state's values, one per field, in order, as compared
 *     ({@code UniqueConstraint.caseless(state.email())} for an e-mail address)
 */
public record UniqueData(
    String constant, String name, String code, String message, List<String> values) {

  public UniqueData {
    values = List.copyOf(values);
  }
}
