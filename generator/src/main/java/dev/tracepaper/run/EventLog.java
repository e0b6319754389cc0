package dev.tracepaper.run;

import dev.tracepaper.engine.Caller;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events a local run stored, one JSON object a line in {@code events.jsonl}: appended after
 * each command, never rewritten, so that a model change or a restart replays them. Each line names
 * the event as stored and the version of the event the model wrote it as, as the event store does.
 */
public final class EventLog {

  static final String FILE = "events.jsonl";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** One stored event, as written. */
  public record Line(
      String aggregate,
      String key,
      long version,
      String event,
      int eventVersion,
      ObjectNode payload,
      Caller caller,
      Instant recordedAt) {

    ObjectNode json() {
      ObjectNode line = JSON.createObjectNode();
      line.put("aggregate", aggregate);
      line.put("key", key);
      line.put("version", version);
      line.put("event", event);
      line.put("eventVersion", eventVersion);
      line.set("payload", payload);
      ObjectNode who = line.putObject("caller");
      who.put("id", caller.id());
      who.put("name", caller.name());
      ArrayNode roles = who.putArray("roles");
      caller.roles().forEach(roles::add);
      line.put("recordedAt", recordedAt.toString());
      return line;
    }

    static Line of(JsonNode json) {
      JsonNode who = json.path("caller");
      List<String> roles = new ArrayList<>();
      who.path("roles").forEach(r -> roles.add(r.asString()));
      return new Line(
          json.required("aggregate").asString(),
          json.required("key").asString(),
          json.required("version").asLong(),
          json.required("event").asString(),
          json.required("eventVersion").asInt(),
          (ObjectNode) json.required("payload"),
          new Caller(text(who, "id"), text(who, "name"), roles),
          Instant.parse(json.required("recordedAt").asString()));
    }

    private static String text(JsonNode node, String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? null : value.asString();
    }
  }

  private final Path folder;
  private final Path file;

  public EventLog(Path folder) {
    this.folder = folder;
    this.file = folder.resolve(FILE);
  }

  public Path folder() {
    return folder;
  }

  public Path file() {
    return file;
  }

  /**
   * Every line written so far, in order. A last line cut short (the process was killed while
   * writing it) is left out; any other unreadable line is an error naming the file and line.
   */
  public List<Line> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> texts;
    try {
      texts = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      if (text.isBlank()) {
        continue;
      }
      try {
        lines.add(Line.of(JSON.readTree(text)));
      } catch (JacksonException | IllegalArgumentException | ClassCastException e) {
        if (i == texts.size() - 1) {
          break;
        }
        throw new LogUnreadable(file + ":" + (i + 1) + ": not a stored event: " + e.getMessage());
      }
    }
    return lines;
  }

  /** Appends {@code lines} and forces them to the disk before the command answers. */
  public void append(List<Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(folder);
      try (BufferedWriter out =
          Files.newBufferedWriter(
              file,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE,
              StandardOpenOption.DSYNC)) {
        for (Line line : lines) {
          out.write(JSON.writeValueAsString(line.json()));
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The log file holds a line that is not a stored event. */
  public static final class LogUnreadable extends RuntimeException {
    LogUnreadable(String message) {
      super(message, null, false, false);
    }
  }
}
