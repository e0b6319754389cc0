package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The event AppSync sends to a Lambda data source for one GraphQL field: {@code arguments}, {@code
 * identity}, {@code info.fieldName} and {@code request.headers}. A mutation's command input is
 * {@code arguments.input}; its idempotency key is the separate argument {@code commandId}.
 */
public final class AppSyncRequest {

  /** The type of the API's root mutation fields. */
  private static final String ROOT_MUTATION = "Mutation";

  /** The request header a client may set to correlate its requests; else each gets a new id. */
  public static final String CORRELATION_HEADER = "x-correlation-id";

  /**
   * The largest request a handler reads, in bytes of the whole event AppSync sends (input,
   * identity, headers). An event is published to EventBridge, whose entries hold at most 256 KB, so
   * a larger input could be stored but never published; it is refused before it is parsed.
   */
  public static final int MAX_REQUEST_BYTES = 256 * 1024;

  /** How AppSync authenticated the caller: its authorization types. */
  public enum AuthType {
    AMAZON_COGNITO_USER_POOLS,
    API_KEY,
    AWS_IAM
  }

  private final JsonNode event;

  private AppSyncRequest(JsonNode event) {
    this.event = event;
  }

  /**
   * Reads a request of at most {@link #MAX_REQUEST_BYTES}; a larger one is a {@code VALIDATION}
   * error on {@code input}, the only part of it a client can make that large.
   */
  public static AppSyncRequest parse(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length > MAX_REQUEST_BYTES) {
      throw CommandError.validation(
          List.of(
              new FieldError(
                  "input", "makes the request larger than " + MAX_REQUEST_BYTES + " bytes")));
    }
    return of(Json.read(new ByteArrayInputStream(bytes)));
  }

  public static AppSyncRequest of(JsonNode event) {
    if (!event.isObject()) {
      throw new IllegalArgumentException("an AppSync event is a JSON object");
    }
    return new AppSyncRequest(event);
  }

  public String fieldName() {
    return event.path("info").path("fieldName").asText();
  }

  /**
   * The mutation this request runs, which a handler dispatches on: its field name for a field of
   * {@code Mutation} ({@code lendBook}), the type and the field for a field of a namespace type
   * ({@code ProjectPipelineMutations.register}), whose field name alone may be another namespace's
   * too.
   */
  public String operation() {
    String parent = event.path("info").path("parentTypeName").asText("");
    return parent.isEmpty() || parent.equals(ROOT_MUTATION)
        ? fieldName()
        : parent + "." + fieldName();
  }

  /**
   * The {@code info} AppSync sends for an {@link #operation()}: the field name and the type the
   * field is on, for tests and priming that build requests.
   */
  public static ObjectNode info(String operation) {
    int dot = operation.lastIndexOf('.');
    ObjectNode info = Json.object();
    info.put("fieldName", operation.substring(dot + 1));
    info.put("parentTypeName", dot < 0 ? ROOT_MUTATION : operation.substring(0, dot));
    return info;
  }

  /**
   * A request made inside the application, as AppSync would send it: {@code operation} with {@code
   * input} and the idempotency key {@code commandId}, by a user-pool caller with {@code caller}'s
   * id, name and roles (an automation sending a command as its declared role), correlated with
   * {@code correlationId}.
   */
  public static AppSyncRequest internal(
      String operation, ObjectNode input, String commandId, Caller caller, String correlationId) {
    ObjectNode event = Json.object();
    ObjectNode arguments = event.putObject("arguments");
    arguments.set("input", input);
    arguments.put("commandId", commandId);
    ObjectNode identity = event.putObject("identity");
    identity.put("sub", caller.id());
    identity.put("username", caller.name());
    caller.roles().forEach(identity.putArray("groups")::add);
    event.set("info", info(operation));
    event.putObject("request").putObject("headers").put(CORRELATION_HEADER, correlationId);
    return new AppSyncRequest(event);
  }

  public ObjectNode arguments() {
    return objectOrEmpty(event.get("arguments"));
  }

  /**
   * The command input, {@code arguments.input}; empty when missing, so that validation reports it.
   */
  public ObjectNode input() {
    return objectOrEmpty(arguments().get("input"));
  }

  /**
   * The client's idempotency key as sent, or {@code null}; one longer than {@link
   * CommandId#MAX_LENGTH} characters is a {@code VALIDATION} error on {@code commandId}.
   */
  public String commandId() {
    JsonNode id = arguments().get("commandId");
    if (id == null || id.isNull() || id.asText().isEmpty()) {
      return null;
    }
    String text = id.asText();
    if (text.codePointCount(0, text.length()) > CommandId.MAX_LENGTH) {
      throw CommandError.validation(
          List.of(
              new FieldError(
                  "commandId", "must be at most " + CommandId.MAX_LENGTH + " characters long")));
    }
    return text;
  }

  /** A request header (names are case-insensitive), or {@code null}. */
  public String header(String name) {
    for (var header : event.path("request").path("headers").properties()) {
      if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return header.getValue().asText();
      }
    }
    return null;
  }

  /**
   * The caller: a Cognito user (its {@code sub} as id, its user name, its groups), an IAM principal
   * (its ARN as id and name, no roles), or, for an API key (AppSync sends no identity), {@link
   * Caller#anonymous()}.
   */
  public Caller caller() {
    JsonNode identity = event.get("identity");
    if (identity == null || !identity.isObject()) {
      return Caller.anonymous();
    }
    JsonNode claims = identity.path("claims");
    String cognitoName = text(identity, "username", text(claims, "cognito:username", null));
    if (identity.has("sub") || identity.has("claims")) {
      JsonNode groups = identity.get("groups");
      if (groups == null || groups.isNull()) {
        groups = claims.path("cognito:groups");
      }
      String sub = text(identity, "sub", text(claims, "sub", null));
      String name = cognitoName != null ? cognitoName : sub;
      if (sub == null) {
        // A user-pool identity always carries sub; without it there is no id to trust.
        throw CommandError.unauthorized("The caller's identity has no sub.");
      }
      return new Caller(sub, name, strings(groups));
    }
    String iamName = text(identity, "userArn", cognitoName);
    return iamName != null ? new Caller(iamName, iamName, List.of()) : Caller.anonymous();
  }

  /**
   * How AppSync authenticated the caller: no identity is an API key, a user-pool identity has
   * {@code sub} or {@code claims}, an IAM one a {@code userArn}; empty for any other identity,
   * which no command admits.
   */
  public Optional<AuthType> authType() {
    JsonNode identity = event.get("identity");
    if (identity == null || identity.isNull()) {
      return Optional.of(AuthType.API_KEY);
    }
    if (!identity.isObject()) {
      return Optional.empty();
    }
    if (identity.has("sub") || identity.has("claims")) {
      return Optional.of(AuthType.AMAZON_COGNITO_USER_POOLS);
    }
    return identity.hasNonNull("userArn") ? Optional.of(AuthType.AWS_IAM) : Optional.empty();
  }

  /**
   * Refuses with {@code UNAUTHORIZED} a caller that {@code command} does not admit: one
   * authenticated by a type not in {@code types}, or a user-pool caller in none of {@code groups}
   * (any user when empty). AppSync's directives already did this; the handler checks again from the
   * identity AppSync wrote (never from the arguments), so a resolver or schema mistake does not
   * open a command.
   */
  public void admit(String command, List<AuthType> types, List<String> groups) {
    Optional<AuthType> type = authType();
    if (type.isEmpty() || !types.contains(type.get())) {
      throw CommandError.unauthorized(
          type.isPresent() && type.get() == AuthType.API_KEY
              ? "Only signed-in callers may run " + command + "."
              : command + " does not admit callers authenticated as this one is.");
    }
    if (type.get() == AuthType.AMAZON_COGNITO_USER_POOLS
        && !groups.isEmpty()
        && Collections.disjoint(caller().roles(), groups)) {
      throw CommandError.unauthorized(
          "Only callers with the role "
              + String.join(" or ", groups)
              + " may run "
              + command
              + ".");
    }
  }

  /**
   * The command's context. Its command id is scoped to the caller's id and the mutation ({@link
   * #operation()}), and fingerprints the input ({@link CommandId}).
   */
  public Metadata metadata(Clock clock) {
    String correlationId = header(CORRELATION_HEADER);
    if (correlationId == null || correlationId.isBlank()) {
      correlationId = UUID.randomUUID().toString();
    }
    Caller caller = caller();
    String id = commandId();
    CommandId commandId = id == null ? null : CommandId.of(id, caller.id(), operation(), input());
    return new Metadata(commandId, correlationId, caller, clock.instant());
  }

  private static ObjectNode objectOrEmpty(JsonNode node) {
    return node instanceof ObjectNode object ? object : Json.object();
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  /** A JSON array of strings; a single string counts as a list of one. */
  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(value -> values.add(value.asText()));
    } else if (node.isTextual()) {
      values.add(node.asText());
    }
    return values;
  }
}
