package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The input checks every command record's {@code fromInput} relies on: fields nobody reads are
 * refused by name at any depth, text is read exactly as sent or refused when UTF-8 cannot hold it,
 * and the default length bound applies to each text of a list.
 */
class InputTest {

  /** A record with a text, a nested object and a list of objects, read as generated code does. */
  private record Address(String street, String city) {
    static Address fromInput(Input input) {
      return new Address(input.text("street"), input.text("city"));
    }
  }

  private static List<FieldError> failures(String json) {
    Input input = Input.of(Json.parse(json));
    input.text("name");
    input.object("home", Address::fromInput);
    input.objects("others", Address::fromInput);
    CommandError error = assertThrows(CommandError.class, input::throwIfInvalid);
    assertEquals(CommandError.VALIDATION, error.code());
    return error.fields();
  }

  @Test
  void fieldsNoReaderAskedForAreRefusedAtEveryDepth() {
    List<FieldError> failures =
        failures(
            """
            {"name": "n", "role": "admin",
             "home": {"street": "s", "city": "c", "owner": true},
             "others": [{"street": "s"}, {"street": "s", "__proto__": {}}]}
            """);

    assertEquals(
        List.of(
            new FieldError("home.owner", "is not a field of this input"),
            new FieldError("others[1].__proto__", "is not a field of this input"),
            new FieldError("role", "is not a field of this input")),
        failures);
  }

  @Test
  void aFieldSentAsNullIsStillAFieldThatMustExist() {
    assertEquals(
        List.of(new FieldError("nickname", "is not a field of this input")),
        failures("{\"name\": \"n\", \"nickname\": null}"));
  }

  @Test
  void textIsReadExactlyAsSent() {
    String text = "q\"b\\ \n\r\n\t\u0000 \u00E9\u65E5\u672C\uD83D\uDE00\u202Eb\u202C \u200B \u2028";
    Input input = Input.of(Json.object().put("name", text));

    assertEquals(text, input.text("name"));
    input.maxLength("name", text, 22);
    input.throwIfInvalid();
  }

  @Test
  void aLoneSurrogateIsRefused() {
    Input input =
        Input.of(Json.parse("{\"name\": \"a\\uD800b\", \"tags\": [\"ok\", \"\\uDC00\"]}"));
    input.text("name");
    input.texts("tags");

    CommandError error = assertThrows(CommandError.class, input::throwIfInvalid);
    String message = "must be valid Unicode text (it holds a lone surrogate)";
    assertEquals(
        List.of(new FieldError("name", message), new FieldError("tags[1]", message)),
        error.fields());
  }

  @Test
  void theDefaultBoundAppliesToEachTextOfAList() {
    String longest = "\uD83D\uDE00".repeat(Input.MAX_TEXT_LENGTH);
    Input input = Input.of(Json.object());
    input.maxLength("name", longest, Input.MAX_TEXT_LENGTH);
    input.maxLengthOfEach("tags", List.of("a", longest + "x", longest), Input.MAX_TEXT_LENGTH);

    CommandError error = assertThrows(CommandError.class, input::throwIfInvalid);
    assertEquals(
        List.of(
            new FieldError(
                "tags[1]", "must be at most " + Input.MAX_TEXT_LENGTH + " characters long")),
        error.fields());
  }
}
