package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Runs one delivery of a policy in its handler. The policy's command is counted as a mutation's is
 * ({@code CommandSucceeded}, {@code CommandRefused}, {@code CommandFailed}); a refusal or a failure
 * is logged and thrown, so that Lambda retries the delivery and then moves it to the policy's
 * dead-letter queue, without holding up the events behind it.
 */
public final class Policies {

  private Policies() {}

  /**
   * Reads the EventBridge delivery from {@code in}, runs {@code flow} on it (the policy {@code
   * policy}, on an aggregate of {@code type}) and writes its result to {@code out}.
   */
  public static void run(
      InputStream in,
      OutputStream out,
      Context context,
      AggregateType<?, ?> type,
      String policy,
      Function<JsonNode, CommandResult> flow) {
    Invocation.begin(context).put("command", policy);
    CommandResult result;
    try {
      result = flow.apply(Json.read(in));
    } catch (CommandError e) {
      Log.warn("Policy refused", null, "code", e.code(), "reason", e.getMessage());
      Metrics.command(type.name(), policy, "CommandRefused", e.code());
      throw e;
    } catch (RuntimeException e) {
      Log.error("Policy failed unexpectedly", e);
      Metrics.command(type.name(), policy, "CommandFailed", null);
      throw e;
    }
    Metrics.command(type.name(), policy, "CommandSucceeded", null);
    Json.write(out, result.toJson());
  }
}
