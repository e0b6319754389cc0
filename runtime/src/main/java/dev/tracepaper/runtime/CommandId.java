package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A client's idempotency key as the event store records it (docs/generated-runtime.md,
 * "Idempotency").
 *
 * <p>The record is scoped: {@link #key()} hashes the caller, the operation (the mutation, or the
 * policy) and the id together, so the same id sent by another caller or to another mutation is
 * another command. {@link #fingerprint()} hashes the input: the same id with a different input is
 * refused with {@code COMMAND_ID_REUSED} instead of answering the first command's result for a
 * command that never ran.
 *
 * @param id the id as the client sent it, stored on the events it appended
 * @param key the idempotency record's key: SHA-256 of caller, operation and id, in hex
 * @param fingerprint SHA-256 of the input's canonical JSON (object fields sorted by name), in hex
 */
public record CommandId(String id, String key, String fingerprint) {

  /** The longest id a client may send, in characters: a UUID has 36. */
  public static final int MAX_LENGTH = 128;

  /**
   * How long an id is remembered. Within it, the same id with the same input answers the first
   * result; after it, the id is free again and the command runs as a new one. DynamoDB's TTL
   * deletes the record some time later; until then it is ignored.
   */
  public static final Duration LIFETIME = Duration.ofHours(24);

  public CommandId {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The id {@code id} that {@code caller} sent to {@code operation} with {@code input}. */
  public static CommandId of(String id, String caller, String operation, JsonNode input) {
    String scope = Json.write(Json.array().add(caller).add(operation).add(id));
    return new CommandId(id, sha256(scope), sha256(Json.write(Json.canonical(input))));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
