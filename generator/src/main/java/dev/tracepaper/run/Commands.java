package dev.tracepaper.run;

import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.model.Command;
import dev.tracepaper.render.data.CommandData;
import graphql.schema.DataFetchingEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the mutations: the command id remembered, the command and its cascade on the running app,
 * its events appended to the log before the answer ({@code CommandResult}: the instance's key, its
 * version, the names of the events the command itself appended).
 */
final class Commands {

  private final LocalApp app;
  private final EventLog log;
  private final CommandIds ids;
  private final Clock clock;
  private final Consumer<String> console;
  private final Object lock;

  /**
   * @param lock what every change of the running app holds: one command at a time, as a reload
   */
  Commands(
      LocalApp app,
      EventLog log,
      CommandIds ids,
      Clock clock,
      Consumer<String> console,
      Object lock) {
    this.app = app;
    this.log = log;
    this.ids = ids;
    this.clock = clock;
    this.console = console;
    this.lock = lock;
  }

  Map<String, Object> run(
      Command command, CommandData data, DataFetchingEnvironment env, Identity who) {
    Map<String, Object> arguments = env.getArgument("input");
    ObjectNode input =
        arguments == null ? EventLog.JSON.createObjectNode() : EventLog.JSON.valueToTree(arguments);
    String commandId = env.getArgument("commandId");
    CommandIds.check(commandId);
    String caller = who.type() + ":" + who.caller().id();
    synchronized (lock) {
      Instant now = clock.instant();
      Optional<Map<String, Object>> first =
          ids.first(caller, data.operation(), commandId, input, now);
      if (first.isPresent()) {
        return first.get();
      }
      Outcome outcome =
          app.command(command, input, who.caller(), who.type(), now, log::append, console);
      if (outcome instanceof Outcome.Refused refused) {
        throw new ApiError(
            refused.code(),
            refused.message(),
            Map.of(
                "fields",
                refused.fields().stream().map(p -> fieldError(p.field(), p.message())).toList()));
      }
      Outcome.Recorded recorded = (Outcome.Recorded) outcome;
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", recorded.key());
      result.put(
          "version",
          recorded.events().isEmpty()
              ? app.version(recorded)
              : recorded.events().get(recorded.events().size() - 1).version());
      List<String> events = recorded.events().stream().map(StoredEvent::type).toList();
      result.put("events", events);
      ids.remember(caller, data.operation(), commandId, input, result, now);
      return result;
    }
  }

  /** {@code {field, message}} in the order the runtime's answer has them. */
  private static Map<String, Object> fieldError(String field, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }
}
