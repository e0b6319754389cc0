package dev.tracepaper.runtime.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracepaper.runtime.AppSyncRequest;
import dev.tracepaper.runtime.Caller;
import dev.tracepaper.runtime.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The events AppSync sends a Lambda data source, and a handler's answer to them, for tests. */
public final class AppSyncEvents {

  private AppSyncEvents() {}

  /**
   * The mutation {@code fieldName} (an {@link AppSyncRequest#operation()}: {@code
   * ProjectPipelineMutations.register} for a field of a namespace) with {@code input}, called by a
   * Cognito user pool user with the caller's id (its {@code sub}), name and groups; {@code
   * commandId} may be {@code null}.
   */
  public static ObjectNode mutation(
      String fieldName, JsonNode input, String commandId, Caller caller) {
    return mutation(
        fieldName, input, commandId, caller, AppSyncRequest.AuthType.AMAZON_COGNITO_USER_POOLS);
  }

  /**
   * The mutation as AppSync sends it for a caller authenticated by {@code type}: a user-pool
   * identity with the caller's id as {@code sub}, its name and groups; an IAM identity whose
   * principal ARN is the caller's id (the id and name the handler reads back); or, for an API key,
   * no identity at all.
   */
  public static ObjectNode mutation(
      String fieldName,
      JsonNode input,
      String commandId,
      Caller caller,
      AppSyncRequest.AuthType type) {
    ObjectNode event = cognitoMutation(fieldName, input, commandId, caller);
    switch (type) {
      case AMAZON_COGNITO_USER_POOLS -> {}
      case AWS_IAM ->
          event
              .putObject("identity")
              .put("accountId", "123456789012")
              .put("userArn", caller.id())
              .put("username", "AIDATESTCALLER");
      case API_KEY -> event.putNull("identity");
    }
    return event;
  }

  /**
   * The custom query {@code operation} ({@code Query.repositoryToken}: the type and the field) with
   * {@code arguments}, called by {@code caller} authenticated by {@code type} as {@link
   * #mutation(String, JsonNode, String, Caller, AppSyncRequest.AuthType)} says.
   */
  public static ObjectNode query(
      String operation, JsonNode arguments, Caller caller, AppSyncRequest.AuthType type) {
    ObjectNode event = mutation(operation, Json.object(), null, caller, type);
    event.set("arguments", arguments);
    return event;
  }

  private static ObjectNode cognitoMutation(
      String fieldName, JsonNode input, String commandId, Caller caller) {
    ObjectNode event = Json.object();
    ObjectNode arguments = event.putObject("arguments");
    arguments.set("input", input);
    if (commandId != null) {
      arguments.put("commandId", commandId);
    }
    ObjectNode identity = event.putObject("identity");
    identity.put("sub", caller.id());
    identity.put("username", caller.name());
    caller.roles().forEach(identity.putArray("groups")::add);
    ObjectNode claims = identity.putObject("claims");
    claims.put("sub", caller.id());
    claims.put("cognito:username", caller.name());
    caller.roles().forEach(claims.putArray("cognito:groups")::add);
    event.set("info", AppSyncRequest.info(fieldName));
    return event;
  }

  /** Runs the handler as the Lambda runtime would, and reads its JSON answer. */
  public static JsonNode invoke(RequestStreamHandler handler, JsonNode event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(
          new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Json.parse(out.toString(StandardCharsets.UTF_8));
  }
}
