package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes what a command handler answers AppSync: the {@link CommandResult}, or {@code {"error":
 * {"type", "message", "fields"}}}, which the mutation's resolver turns into a GraphQL error whose
 * {@code errorType} is the code.
 */
public final class Responses {

  static final String INTERNAL_MESSAGE = "Internal error; the cause is in the function's log";

  private Responses() {}

  /**
   * Runs {@code command} and writes its answer. A {@link CommandError} is answered as it is; any
   * other exception is a bug: its stack trace goes to the log (stderr) and the client sees only
   * {@code INTERNAL_ERROR}, so nothing about the code leaves the Lambda.
   */
  public static void write(OutputStream out, Supplier<CommandResult> command) {
    Json.write(out, answer(command));
  }

  static ObjectNode answer(Supplier<CommandResult> command) {
    try {
      return command.get().toJson();
    } catch (CommandError e) {
      return error(e.code(), e.getMessage(), e.fields());
    } catch (RuntimeException e) {
      log(e);
      return error(CommandError.INTERNAL_ERROR, INTERNAL_MESSAGE, List.of());
    }
  }

  static ObjectNode error(String type, String message, List<FieldError> fields) {
    ObjectNode error = Json.object();
    error.put("type", type);
    error.put("message", message);
    ArrayNode list = error.putArray("fields");
    for (FieldError field : fields) {
      list.addObject().put("field", field.field()).put("message", field.message());
    }
    ObjectNode answer = Json.object();
    answer.set("error", error);
    return answer;
  }

  /** One write, so that the trace stays one log entry. */
  private static void log(RuntimeException e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    System.err.print("Command failed unexpectedly: " + trace);
    System.err.flush();
  }
}
