package dev.tracepaper.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Runs one custom query (the model's {@code queries:}) and writes what it answers AppSync: its
 * value as JSON ({@code null} when the code found nothing), or {@code {"error": ...}} for a {@link
 * CommandError} (an {@code UNAUTHORIZED} or {@code VALIDATION} refusal), as {@link Responses} does
 * for commands. Any other exception is logged and fails the invocation, which the resolver answers
 * as {@code INTERNAL_ERROR}.
 */
public final class QueryResponses {

  private QueryResponses() {}

  /**
   * Reads the AppSync request from {@code in}, answers it with {@code query} and writes the answer
   * to {@code out}.
   *
   * @param context the invocation's context, for its request id; {@code null} in tests
   */
  public static void write(
      InputStream in, OutputStream out, Context context, Function<AppSyncRequest, JsonNode> query) {
    Invocation invocation = Invocation.begin(context);
    JsonNode answer;
    try {
      AppSyncRequest request = AppSyncRequest.parse(in);
      invocation.put("query", request.operation());
      answer = query.apply(request);
      if (answer == null) {
        answer = NullNode.getInstance();
      }
    } catch (CommandError e) {
      answer = Responses.error(e.code(), e.getMessage(), e.fields());
    } catch (RuntimeException e) {
      Log.error("Query failed unexpectedly", e);
      throw new Responses.SystemFailure(invocation);
    }
    Json.write(out, answer);
  }
}
