package dev.tracepaper.run;

import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.model.View;
import dev.tracepaper.render.data.CommandData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the playground page reads besides the API, local only: the model (its name, roles, whether
 * callers without a token are admitted, prefilled operations, what kept the last change from
 * running, what the cascade refused lately), the stored events, and every view's rows.
 */
final class Playground {

  private Playground() {}

  static Map<String, Object> model(ModelHost host) {
    synchronized (host.lock()) {
      ModelHost.Running running = host.running();
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("app", running.project().name());
      model.put("roles", running.project().api().roles().stream().map(r -> r.name()).toList());
      model.put("apiKey", running.project().api().apiKey());
      model.put("problem", host.problem());
      model.put("notices", host.notices());
      List<Map<String, String>> operations = new ArrayList<>();
      for (CommandData command : running.project().commands()) {
        operations.add(operation("mutation", command.name(), mutation(command)));
      }
      operations.addAll(Operations.queries(running.api().executable()));
      model.put("operations", operations);
      return model;
    }
  }

  static List<Map<String, Object>> events(ModelHost host) {
    synchronized (host.lock()) {
      List<Map<String, Object>> events = new ArrayList<>();
      for (LocalApp.Recorded recorded : host.running().app().history()) {
        StoredEvent event = recorded.event();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("aggregate", event.aggregate());
        json.put("key", event.key());
        json.put("version", event.version());
        json.put("event", event.type());
        json.put("payload", ReadSide.map(event.payload()));
        json.put("by", who(event.caller()));
        json.put("at", recorded.at().toString());
        events.add(json);
      }
      return events;
    }
  }

  static Map<String, Object> views(ModelHost host) {
    synchronized (host.lock()) {
      ModelHost.Running running = host.running();
      Map<String, Object> views = new LinkedHashMap<>();
      for (View view : running.index().model().views()) {
        views.put(
            view.name(), running.app().engine().list(view).stream().map(ReadSide::map).toList());
      }
      return views;
    }
  }

  private static String who(Caller caller) {
    return caller.name() == null ? "" : caller.name();
  }

  private static String mutation(CommandData command) {
    StringBuilder open = new StringBuilder();
    StringBuilder close = new StringBuilder();
    for (String part : command.namespace()) {
      open.append(part).append(" { ");
      close.append(" }");
    }
    return "mutation {\n  "
        + open
        + command.mutation()
        + (command.inputFields().isEmpty() ? "" : "(input: " + command.exampleInput() + ")")
        + " {\n    id\n    version\n    events\n  }"
        + close
        + "\n}\n";
  }

  static Map<String, String> operation(String kind, String label, String text) {
    Map<String, String> operation = new LinkedHashMap<>();
    operation.put("kind", kind);
    operation.put("label", label);
    operation.put("text", text);
    return operation;
  }
}
