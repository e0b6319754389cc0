package dev.tracepaper.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a successful command answers: GraphQL {@code CommandResult { id, version, events }}, with
 * {@code id} the aggregate key, {@code version} the aggregate's version after the command and
 * {@code events} the types of the events it appended, in order.
 */
public record CommandResult(String id, long version, List<String> events) {

  public CommandResult {
    Objects.requireNonNull(id, "id");
    events = List.copyOf(events);
  }

  public ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.put("id", id);
    json.put("version", version);
    ArrayNode types = json.putArray("events");
    events.forEach(types::add);
    return json;
  }

  public static CommandResult fromJson(JsonNode json) {
    List<String> types = new ArrayList<>();
    json.path("events").forEach(type -> types.add(type.asText()));
    return new CommandResult(json.path("id").asText(), json.path("version").asLong(), types);
  }
}
