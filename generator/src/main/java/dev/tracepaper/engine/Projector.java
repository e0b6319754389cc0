package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps views from events as the generated projections do: a {@code from} view rewrites its row
 * from the state after each event of its aggregate (deleting it when the event ends the instance or
 * {@code where} fails); an {@code on} view changes the row its handler's {@code key} names, or
 * every row of its {@code keys}: {@code set} on the row as it is (or one holding only its key),
 * {@code delete}, or a {@code delete} condition.
 */
final class Projector {

  private static final TypeRef TEXT =
      new TypeRef("String", false, dev.tracepaper.source.SourceLocation.NONE);

  private final ModelIndex index;
  private final Evaluator evaluator;
  private final ViewStore rows;

  Projector(ModelIndex index, Evaluator evaluator, ViewStore rows) {
    this.index = index;
    this.evaluator = evaluator;
    this.rows = rows;
  }

  /** Projects {@code event} into every view of the model that reads it. */
  void project(StoredEvent event) {
    for (View view : index.model().views()) {
      if (!view.custom() && index.view(view.name()).orElseThrow() == view) {
        project(view, event);
      }
    }
  }

  /** Projects {@code event} into {@code view}, once however often it is delivered. */
  void project(View view, StoredEvent event) {
    boolean fromView = view.from().isPresent() && view.handlers().isEmpty();
    if (fromView && !view.from().get().value().equals(event.aggregate())) {
      return;
    }
    List<ViewHandler> handlers = fromView ? List.of() : handlers(view, event);
    if (!fromView && handlers.isEmpty()) {
      return;
    }
    if (!rows.firstDelivery(view.name(), event)) {
      return;
    }
    if (fromView) {
      fromState(view, event);
    } else {
      handlers.forEach(h -> on(view, h, event));
    }
  }

  private List<ViewHandler> handlers(View view, StoredEvent event) {
    return view.handlers().stream()
        .filter(
            h ->
                index
                    .event(h.event())
                    .filter(
                        e ->
                            e.aggregate().equals(event.aggregate())
                                && e.name().equals(event.type()))
                    .isPresent())
        .limit(1)
        .toList();
  }

  private String keyField(View view) {
    return index.viewKey(view).orElseThrow();
  }

  private List<Field> stored(View view) {
    return view.fields().stream().filter(f -> !f.constraints().relates()).toList();
  }

  private void fromState(View view, StoredEvent event) {
    Aggregate aggregate = index.aggregate(event.aggregate()).orElseThrow();
    CelValues values = evaluator.values();
    ObjectNode state = event.stateAfter();
    JsonNode keyValue = state.get(keyField(view));
    if (keyValue == null || keyValue.isNull()) {
      return;
    }
    String key = keyValue.asString();
    Event type = aggregate.event(event.type()).orElseThrow();
    Map<String, Object> names =
        Map.of("state", values.record(values.types().state(aggregate), state));
    if (type.endsInstance()
        || (view.where().isPresent() && !evaluator.test(view.where().get(), names))) {
      rows.delete(view.name(), key);
      return;
    }
    ObjectNode row = CelValues.NODES.objectNode();
    for (Field field : stored(view)) {
      Optional<Assignment.SetValue> set =
          view.set().stream().filter(s -> s.field().equals(field.name())).findFirst();
      JsonNode value =
          set.isPresent()
              ? values.toJson(evaluator.eval(set.get().value(), names), field.type())
              : aggregate.field(field.name()).isPresent() ? state.get(field.name()) : null;
      if (value != null && !value.isNull()) {
        row.set(field.name(), value);
      }
    }
    rows.put(view.name(), key, written(view, row));
  }

  /** The row as the generated row record writes it: its lists always, empty when absent. */
  private ObjectNode written(View view, ObjectNode row) {
    for (Field field : stored(view)) {
      if (field.type().list() && !row.has(field.name())) {
        row.set(field.name(), CelValues.NODES.arrayNode());
      }
    }
    return row;
  }

  private void on(View view, ViewHandler handler, StoredEvent stored) {
    CelValues values = evaluator.values();
    Event event = index.event(handler.event()).orElseThrow();
    ModelRecord record = values.record(values.types().event(event), stored.payload());
    Map<String, Object> eventOnly = Map.of("event", record);
    List<String> keys = new ArrayList<>();
    if (handler.keys().isPresent()) {
      Object listed = evaluator.eval(handler.keys().get(), eventOnly);
      LinkedHashSet<String> distinct = new LinkedHashSet<>();
      if (listed instanceof List<?> list) {
        for (Object k : list) {
          JsonNode json = values.toJson(k, TEXT);
          if (json != null && !json.isNull()) {
            distinct.add(json.asString());
          }
        }
      }
      keys.addAll(distinct);
    } else {
      Object key =
          handler.key().isPresent()
              ? evaluator.eval(handler.key().get(), eventOnly)
              : record.value().get(keyField(view));
      JsonNode json = values.toJson(key, TEXT);
      if (json == null || json.isNull()) {
        return;
      }
      keys.add(json.asString());
    }
    for (String key : keys) {
      if (handler.deletes()) {
        rows.delete(view.name(), key);
        continue;
      }
      ObjectNode current = rows.row(view.name(), key).orElseGet(() -> emptyRow(view, key));
      Map<String, Object> names = new LinkedHashMap<>();
      names.put("event", record);
      names.put("view", values.record(values.types().row(view), current));
      if (handler.deleteIf().isPresent() && evaluator.test(handler.deleteIf().get(), names)) {
        rows.delete(view.name(), key);
        continue;
      }
      if (handler.set().isEmpty()) {
        continue;
      }
      ObjectNode row = CelValues.NODES.objectNode();
      for (Field field : stored(view)) {
        Optional<Assignment.SetValue> set =
            handler.set().stream().filter(s -> s.field().equals(field.name())).findFirst();
        JsonNode value;
        if (field.name().equals(keyField(view))) {
          value = CelValues.NODES.stringNode(key);
        } else if (set.isPresent()) {
          value = values.toJson(evaluator.eval(set.get().value(), names), field.type());
        } else {
          value = current.get(field.name());
        }
        if (value != null && !value.isNull()) {
          row.set(field.name(), value);
        }
      }
      rows.put(view.name(), key, written(view, row));
    }
  }

  /**
   * A row not stored yet, as the generated projection starts it: its key and empty lists; its
   * numbers and booleans have no value (the row record's are boxed), so {@code has()} of them is
   * false and a {@code set} that names none of them leaves them out of the row.
   */
  private ObjectNode emptyRow(View view, String key) {
    ObjectNode row = CelValues.NODES.objectNode();
    for (Field field : stored(view)) {
      if (field.name().equals(keyField(view))) {
        row.put(field.name(), key);
      } else if (field.type().list()) {
        row.set(field.name(), CelValues.NODES.arrayNode());
      }
    }
    return row;
  }
}
