package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The handler accepts every value AppSync's scalars accept, in the forms AWS documents ("Scalar
 * types in AWS AppSync"), and stores dates and times normalised (docs/generated-runtime.md,
 * "AppSync's scalars"). One table per scalar a model's field can have: accepted texts with what
 * they are read as, and refused texts.
 */
class AwsScalarsTest {

  /** AWS: "1970-01-01Z, 1970-01-01-07:00 and 1970-01-01+05:30 are all valid dates". */
  @ParameterizedTest
  @CsvSource({
    "1970-01-01, 1970-01-01",
    "1970-01-01Z, 1970-01-01",
    "1970-01-01-07:00, 1970-01-01",
    "1970-01-01+05:30, 1970-01-01",
    "1970-01-01+05:30:15, 1970-01-01",
    "2030-01-31Z, 2030-01-31",
    "2030-01-31+05:30, 2030-01-31",
    "2028-02-29, 2028-02-29",
  })
  void awsDateAccepts(String sent, String read) {
    Input input = Input.of(Json.object().put("day", sent));
    assertEquals(LocalDate.parse(read), input.date("day"));
    input.throwIfInvalid();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-1-1",
        "19700101",
        "1970-13-01",
        "2027-02-29",
        "1970-01-01T00:00Z",
        "1970-01-01+05",
        "1970-01-01+0530",
        "1970-01-01 ",
        "",
      })
  void awsDateRefuses(String sent) {
    Input input = Input.of(Json.object().put("day", sent));
    input.date("day");
    assertRefused(input, "day");
  }

  /**
   * AWS: seconds and a fraction of 1 to 9 digits are optional (a fraction needs the seconds), the
   * offset is compulsory; "-2017-01-01T00:00Z" and "1970-01-01T12:00:00.123456789Z" are valid.
   */
  @ParameterizedTest
  @CsvSource({
    "2999-01-01T09:00Z, 2999-01-01T09:00:00Z",
    "2999-01-01T09:00+01:00, 2999-01-01T08:00:00Z",
    "1970-01-01T12:00:00Z, 1970-01-01T12:00:00Z",
    "1970-01-01T12:00:00.2Z, 1970-01-01T12:00:00.200Z",
    "1970-01-01T12:00:00.277Z, 1970-01-01T12:00:00.277Z",
    "1970-01-01T12:00:00.123456789Z, 1970-01-01T12:00:00.123456789Z",
    "1970-01-01T12:30:24-07:00, 1970-01-01T19:30:24Z",
    "1970-01-01T12:30:24.500+05:30, 1970-01-01T07:00:24.500Z",
    "1970-01-01T12:30:24+05:30:15, 1970-01-01T07:00:09Z",
    "-2017-01-01T00:00Z, -2017-01-01T00:00:00Z",
  })
  void awsDateTimeAccepts(String sent, String stored) {
    Input input = Input.of(Json.object().put("at", sent));
    Instant read = input.dateTime("at");
    input.throwIfInvalid();
    assertEquals(Instant.parse(stored), read);
    assertEquals(stored, JsonValues.ofDateTime(read).asText(), "stored and answered as");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T12:00:00",
        "1970-01-01T12:00",
        "1970-01-01",
        "1970-01-01T12Z",
        "1970-01-01T12:00.5Z",
        "1970-01-01T12:00:00.Z",
        "1970-01-01T12:00:00.1234567890Z",
        "1970-01-01T24:00Z",
        "1970-01-01 12:00Z",
        "1970-01-01T12:00+01",
      })
  void awsDateTimeRefuses(String sent) {
    Input input = Input.of(Json.object().put("at", sent));
    input.dateTime("at");
    assertRefused(input, "at");
  }

  /**
   * AWS: "Valid JSON constructs are automatically parsed and loaded in the resolver code as maps,
   * lists, or scalar values": the handler gets the value, and keeps it as it is. A JSON string is
   * text, also when it reads like JSON; AppSync refuses invalid JSON before the handler runs.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\": [1, {\"b\": null}]}",
        "[1, 2]",
        "\"hello\"",
        "\"42\"",
        "\"{}\"",
        "42",
        "2.5",
        "true"
      })
  void awsJsonKeepsTheValueAppSyncParsed(String value) {
    JsonNode parsed = Json.parse(value);
    Input input = Input.of(Json.object().set("data", parsed));
    assertEquals(parsed, input.json("data"));
    input.throwIfInvalid();
  }

  /**
   * AWS: AWSEmail is "local-part@domain-part" (RFC 822), AWSURL names its scheme (http, mailto).
   * AppSync checks them; the handler reads them as text and refuses none of them.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "username@example.com",
        "\"john doe\"@example.com",
        "https://www.amazon.com/dp/B000NZW3KC/",
        "mailto:example@example.com"
      })
  void awsEmailAndAwsUrlAreReadAsSent(String sent) {
    Input input = Input.of(Json.object().put("address", sent));
    assertEquals(sent, input.text("address"));
    input.throwIfInvalid();
  }

  /** A {@code VALIDATION} error that names {@code field} only. */
  private static void assertRefused(Input input, String field) {
    CommandError error = assertThrows(CommandError.class, input::throwIfInvalid);
    assertEquals(CommandError.VALIDATION, error.code());
    assertEquals(List.of(field), error.fields().stream().map(FieldError::field).toList());
  }
}
