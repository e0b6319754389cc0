package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one mutation in a command handler and writes what it answers AppSync: the {@link
 * CommandResult}, or {@code {"error": {"type", "message", "fields"}}} for a {@link CommandError},
 * which the mutation's resolver turns into a GraphQL error whose {@code errorType} is the code.
 *
 * <p>Any other exception is a system failure (a bug, AWS failing): it is logged with its stack
 * trace and the command's fields, counted ({@code CommandFailed}), and the invocation fails with a
 * {@link SystemFailure} that carries nothing of it, so that Lambda counts an error (the function's
 * {@code Errors} metric and alarm) and the resolver answers the client {@code INTERNAL_ERROR}
 * (docs/operations.md).
 */
public final class Responses {

  /** The command's name in its metrics before the request could be read. */
  static final String UNKNOWN_COMMAND = "unknown";

  private Responses() {}

  /**
   * Reads the AppSync request from {@code in}, runs {@code command} on it for an aggregate of
   * {@code type} and writes its answer to {@code out}.
   *
   * @param context the invocation's context, for its request id; {@code null} in tests
   * @throws SystemFailure when the command failed for another reason than a {@link CommandError}
   */
  public static void write(
      InputStream in,
      OutputStream out,
      Context context,
      AggregateType<?, ?> type,
      Function<AppSyncRequest, CommandResult> command) {
    Invocation invocation = Invocation.begin(context);
    String name = UNKNOWN_COMMAND;
    ObjectNode answer;
    try {
      // Parsed here: a request over the size bound is answered as a VALIDATION error.
      AppSyncRequest request = AppSyncRequest.parse(in);
      name = request.operation();
      invocation.put("command", name);
      answer = command.apply(request).toJson();
      Metrics.command(type.name(), name, "CommandSucceeded", null);
    } catch (CommandError e) {
      Metrics.command(type.name(), name, "CommandRefused", e.code());
      answer = error(e.code(), e.getMessage(), e.fields());
    } catch (RuntimeException e) {
      Log.error("Command failed unexpectedly", e);
      Metrics.command(type.name(), name, "CommandFailed", null);
      throw new SystemFailure(invocation);
    }
    Json.write(out, answer);
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

  /**
   * The failure of an invocation whose cause is in the log: Lambda reports its message, which
   * reaches the resolver (and no client), and it holds nothing of the cause. No stack trace: the
   * cause's is logged.
   */
  public static final class SystemFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SystemFailure(Invocation invocation) {
      super(
          CommandError.INTERNAL_ERROR
              + ": the command failed unexpectedly; the cause is logged"
              + (invocation.requestId() == null
                  ? ""
                  : " under AWSRequestId " + invocation.requestId()),
          null,
          false,
          false);
    }
  }
}
