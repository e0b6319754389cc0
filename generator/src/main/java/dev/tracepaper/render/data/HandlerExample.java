package dev.tracepaper.render.data;

import java.util.List;

/**
 * A command that starts an instance, from a case of the model, for the integration test of its
 * aggregate's handler on the real event store.
 *
 * @param mutation the mutation as its handler dispatches on it ({@code registerBook}, or {@code
 *     ProjectPipelineMutations.register} for a field of a namespace: {@code CommandData.operation})
 * @param input the input as JSON, from the case's {@code when}
 * @param roles the roles of the caller
 * @param events the types of the events it records, as a JSON array
 * @param copiedTexts the input's free-text fields that an event stores as they are, each with the
 *     text the test sends: the hostile text where the field's checks accept it, else the nearest
 *     text they accept
 * @param textsLeftOut the copied text fields the test cannot try, each with the reason, for a
 *     comment ({@code `code`: no text of 3 to 5 characters matches its pattern})
 */
public record HandlerExample(
    String mutation,
    String input,
    List<String> roles,
    String events,
    List<CopiedText> copiedTexts,
    List<String> textsLeftOut) {

  /** The length, in characters, of the hostile text the handler's test sends. */
  public static final long PROBE_LENGTH = 36;

  /**
   * The bound of a text without a {@code maxLength} (the runtime's {@code Input.MAX_TEXT_LENGTH}).
   */
  public static final int MAX_TEXT_LENGTH = 10_000;

  public HandlerExample {
    roles = List.copyOf(roles);
    copiedTexts = List.copyOf(copiedTexts);
    textsLeftOut = List.copyOf(textsLeftOut);
  }

  /**
   * A text field the test fills.
   *
   * @param field the field's name
   * @param value the text, as a Java expression over the test's hostile {@code text}: {@code text},
   *     {@code text + "a".repeat(14)}, or a literal
   * @param why why it is not the hostile text as it is; empty when it is
   */
  public record CopiedText(String field, String value, String why) {}
}
