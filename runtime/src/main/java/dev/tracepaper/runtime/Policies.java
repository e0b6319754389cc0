package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Runs the deliveries of a policy in its handler ({@link PolicyDeliveries}: a queue batch, or one
 * bus event). The policy's command is counted as a mutation's is ({@code CommandSucceeded}, {@code
 * CommandRefused}, {@code CommandFailed}) and a refusal or a failure is logged; the delivery is
 * then answered as failed, so that the queue delivers it again and then moves it to the policy's
 * dead-letter queue, without holding up the events behind it.
 */
public final class Policies {

  private Policies() {}

  /**
   * Reads the function's input from {@code in}, runs {@code flow} on each bus event in it (the
   * policy {@code policy}, on an aggregate of {@code type}) and writes the answer to {@code out}.
   */
  public static void run(
      InputStream in,
      OutputStream out,
      Context context,
      AggregateType<?, ?> type,
      String policy,
      Function<JsonNode, CommandResult> flow) {
    PolicyDeliveries.handle(in, out, busEvent -> deliver(context, type, policy, flow, busEvent));
  }

  /** Runs the policy on one bus event, counted and logged; answers its result, throws a failure. */
  static JsonNode deliver(
      Context context,
      AggregateType<?, ?> type,
      String policy,
      Function<JsonNode, CommandResult> flow,
      JsonNode busEvent) {
    Invocation.begin(context).put("command", policy);
    CommandResult result;
    try {
      result = flow.apply(busEvent);
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
    return result.toJson();
  }
}
