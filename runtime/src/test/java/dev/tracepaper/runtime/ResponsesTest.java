package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ResponsesTest {

  @Test
  void writesTheResult() {
    String json = write(() -> new CommandResult("b1", 3, List.of("BookLent", "BookReserved")));
    assertEquals("{\"id\":\"b1\",\"version\":3,\"events\":[\"BookLent\",\"BookReserved\"]}", json);
  }

  @Test
  void writesACommandErrorWithItsCode() {
    String json =
        write(
            () -> {
              throw CommandError.rule("NO_COPIES_LEFT", "No copies left");
            });
    assertEquals(
        "{\"error\":{\"type\":\"NO_COPIES_LEFT\",\"message\":\"No copies left\",\"fields\":[]}}",
        json);
  }

  @Test
  void writesEveryFieldOfAValidationError() {
    String json =
        write(
            () -> {
              throw CommandError.validation(
                  List.of(
                      new FieldError("title", "must not be empty"),
                      new FieldError("address.city", "too long")));
            });
    assertEquals(
        "{\"error\":{\"type\":\"VALIDATION\",\"message\":\"Invalid input\",\"fields\":["
            + "{\"field\":\"title\",\"message\":\"must not be empty\"},"
            + "{\"field\":\"address.city\",\"message\":\"too long\"}]}}",
        json);
  }

  @Test
  void answersAnUnexpectedExceptionWithoutItsDetailsAndLogsIt() {
    PrintStream stderr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    String json;
    try {
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      json =
          write(
              () -> {
                throw new IllegalStateException("secret table name");
              });
    } finally {
      System.setErr(stderr);
    }
    assertEquals(
        "{\"error\":{\"type\":\"INTERNAL_ERROR\",\"message\":\""
            + Responses.INTERNAL_MESSAGE
            + "\",\"fields\":[]}}",
        json);
    assertFalse(json.contains("secret"));
    assertFalse(json.contains("at com."));
    String logged = log.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("IllegalStateException: secret table name"), logged);
    assertTrue(logged.contains("at " + ResponsesTest.class.getPackageName() + "."), logged);
  }

  private static String write(Supplier<CommandResult> command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Responses.write(out, command);
    return out.toString(StandardCharsets.UTF_8);
  }
}
