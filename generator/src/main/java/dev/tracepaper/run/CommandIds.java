package dev.tracepaper.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The command ids of the commands that succeeded, as the runtime remembers them: for 24 hours the
 * same id from the same caller to the same mutation answers the first result again with the same
 * input, and is refused with {@code COMMAND_ID_REUSED} with another. Kept in memory: a restart
 * forgets them (a model reload does not).
 */
final class CommandIds {

  static final int MAX_LENGTH = 128;
  static final Duration LIFETIME = Duration.ofHours(24);

  private record First(JsonNode input, Map<String, Object> result, Instant at) {}

  private final Map<String, First> firsts = new HashMap<>();

  /** Refuses an id longer than the runtime accepts. */
  static void check(String commandId) {
    if (commandId != null && commandId.codePointCount(0, commandId.length()) > MAX_LENGTH) {
      throw new ApiError("VALIDATION", "commandId: must be at most " + MAX_LENGTH + " characters");
    }
  }

  /** The first result of this id, if it is remembered and {@code input} is the same. */
  synchronized Optional<Map<String, Object>> first(
      String caller, String operation, String commandId, JsonNode input, Instant now) {
    if (commandId == null || commandId.isEmpty()) {
      return Optional.empty();
    }
    First first = firsts.get(key(caller, operation, commandId));
    if (first == null || first.at().plus(LIFETIME).isBefore(now)) {
      return Optional.empty();
    }
    if (!first.input().equals(input)) {
      throw new ApiError(
          "COMMAND_ID_REUSED",
          "The commandId "
              + commandId
              + " was already used for this mutation with a different input; send a new commandId"
              + " for a new command");
    }
    return Optional.of(first.result());
  }

  synchronized void remember(
      String caller,
      String operation,
      String commandId,
      JsonNode input,
      Map<String, Object> result,
      Instant now) {
    if (commandId != null && !commandId.isEmpty()) {
      firsts.put(key(caller, operation, commandId), new First(input, result, now));
    }
  }

  private static String key(String caller, String operation, String commandId) {
    return caller + "\u0000" + operation + "\u0000" + commandId;
  }
}
