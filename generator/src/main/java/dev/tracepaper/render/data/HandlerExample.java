package dev.tracepaper.render.data;

import java.util.List;

/**
 * A command that starts an instance, from a case of the model, for the integration test of its
 * aggregate's handler on the real event store.
 *
 * @param mutation the GraphQL mutation ({@code registerBook})
 * @param input the input as JSON, from the case's {@code when}
 * @param roles the roles of the caller
 * @param events the types of the events it records, as a JSON array
 * @param copiedTexts the input's free-text fields (no pattern, a {@code maxLength} of at least
 *     {@link #PROBE_LENGTH}) that an event stores as they are, for the test that sends hostile text
 *     through the handler and reads it back unchanged
 */
public record HandlerExample(
    String mutation, String input, List<String> roles, String events, List<String> copiedTexts) {

  /** The length, in characters, of the text the handler's test sends in {@code copiedTexts}. */
  public static final long PROBE_LENGTH = 40;

  public HandlerExample {
    roles = List.copyOf(roles);
    copiedTexts = List.copyOf(copiedTexts);
  }
}
