package dev.tracepaper.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracepaper.runtime.testing.AppSyncEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ResponsesTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @Test
  void writesTheResultAndCountsASuccess() {
    List<JsonNode> lines =
        run(request -> new CommandResult("b1", 3, List.of("BookLent", "BookReserved")));

    assertEquals(
        "{\"id\":\"b1\",\"version\":3,\"events\":[\"BookLent\",\"BookReserved\"]}", answer());
    JsonNode metrics = StandardOutput.line(lines, "CommandSucceeded");
    assertEquals(
        Json.parse(
            "[{\"Namespace\":\"Tracepaper\",\"Dimensions\":[[\"Aggregate\",\"Command\"]],"
                + "\"Metrics\":[{\"Name\":\"CommandSucceeded\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Conflicts\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Retries\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Upcasts\",\"Unit\":\"Count\"}]}]"),
        metrics.path("_aws").path("CloudWatchMetrics"));
    assertTrue(metrics.path("_aws").path("Timestamp").isIntegralNumber(), metrics.toString());
    assertEquals("Counter", metrics.path("Aggregate").asText());
    assertEquals("incrementCounter", metrics.path("Command").asText());
    assertEquals(1, metrics.path("CommandSucceeded").asInt());
    assertEquals(0, metrics.path("Conflicts").asInt());
    assertEquals("INFO", metrics.path("level").asText());
    assertEquals("incrementCounter", metrics.path("command").asText());
    assertEquals(1, lines.size(), lines.toString());
  }

  @Test
  void writesACommandErrorWithItsCodeAndCountsTheRefusalByCode() {
    List<JsonNode> lines =
        run(
            request -> {
              throw CommandError.rule("NO_COPIES_LEFT", "No copies left");
            });

    assertEquals(
        "{\"error\":{\"type\":\"NO_COPIES_LEFT\",\"message\":\"No copies left\",\"fields\":[]}}",
        answer());
    JsonNode metrics = StandardOutput.line(lines, "CommandRefused NO_COPIES_LEFT");
    assertEquals(
        Json.parse(
            "[{\"Namespace\":\"Tracepaper\",\"Dimensions\":[[\"Aggregate\",\"Command\"]],"
                + "\"Metrics\":[{\"Name\":\"CommandRefused\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Conflicts\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Retries\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Upcasts\",\"Unit\":\"Count\"}]},"
                + "{\"Namespace\":\"Tracepaper\","
                + "\"Dimensions\":[[\"Aggregate\",\"Command\",\"Code\"]],"
                + "\"Metrics\":[{\"Name\":\"CommandRefused\",\"Unit\":\"Count\"}]}]"),
        metrics.path("_aws").path("CloudWatchMetrics"));
    assertEquals("NO_COPIES_LEFT", metrics.path("Code").asText());
    assertEquals(1, metrics.path("CommandRefused").asInt());
  }

  @Test
  void writesEveryFieldOfAValidationError() {
    run(
        request -> {
          throw CommandError.validation(
              List.of(
                  new FieldError("title", "must not be empty"),
                  new FieldError("address.city", "too long")));
        });
    assertEquals(
        "{\"error\":{\"type\":\"VALIDATION\",\"message\":\"Invalid input\",\"fields\":["
            + "{\"field\":\"title\",\"message\":\"must not be empty\"},"
            + "{\"field\":\"address.city\",\"message\":\"too long\"}]}}",
        answer());
  }

  /**
   * A system failure fails the invocation (a Lambda error, counted by the function's Errors metric)
   * with a message that holds nothing of the cause; the cause is logged with its stack trace and
   * the command's fields.
   */
  @Test
  void aSystemFailureIsLoggedCountedAndFailsTheInvocationWithoutItsDetails() {
    List<JsonNode> lines =
        StandardOutput.of(
            () -> {
              Responses.SystemFailure failure =
                  assertThrows(
                      Responses.SystemFailure.class,
                      () ->
                          write(
                              request -> {
                                throw new IllegalStateException("secret table name");
                              }));
              assertTrue(failure.getMessage().startsWith("INTERNAL_ERROR"), failure.getMessage());
              assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
              assertEquals(0, failure.getStackTrace().length);
            });

    assertEquals("", out.toString(StandardCharsets.UTF_8), "no answer");
    JsonNode logged = StandardOutput.line(lines, "Command failed unexpectedly");
    assertEquals("ERROR", logged.path("level").asText());
    assertEquals("incrementCounter", logged.path("command").asText());
    assertEquals(IllegalStateException.class.getName(), logged.path("errorType").asText());
    assertEquals("secret table name", logged.path("errorMessage").asText());
    String trace = logged.path("stackTrace").asText();
    assertTrue(trace.contains("at " + ResponsesTest.class.getPackageName() + "."), trace);
    assertEquals(1, StandardOutput.line(lines, "CommandFailed").path("CommandFailed").asInt());
  }

  @Test
  void aRequestThatCannotBeReadIsRefusedUnderAnUnknownCommand() {
    byte[] tooLarge = new byte[AppSyncRequest.MAX_REQUEST_BYTES + 1];
    List<JsonNode> lines =
        StandardOutput.of(
            () ->
                Responses.write(
                    new ByteArrayInputStream(tooLarge),
                    out,
                    null,
                    Counter.PLAIN,
                    request -> new CommandResult("c1", 1, List.of())));

    assertEquals("VALIDATION", Json.parse(answer()).path("error").path("type").asText());
    JsonNode metrics = StandardOutput.line(lines, "CommandRefused VALIDATION");
    assertEquals(Responses.UNKNOWN_COMMAND, metrics.path("Command").asText());
  }

  private List<JsonNode> run(Function<AppSyncRequest, CommandResult> command) {
    return StandardOutput.of(() -> write(command));
  }

  private void write(Function<AppSyncRequest, CommandResult> command) {
    JsonNode event =
        AppSyncEvents.mutation(
            "incrementCounter",
            Json.object().put("id", "c1").put("by", 1),
            null,
            EventStoreContract.ALICE);
    Responses.write(
        new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
        out,
        null,
        Counter.PLAIN,
        command);
  }

  private String answer() {
    return out.toString(StandardCharsets.UTF_8);
  }
}
