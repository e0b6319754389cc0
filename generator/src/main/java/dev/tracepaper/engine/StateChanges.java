package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.TypeRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How an event changes its aggregate's state, as the generated state's {@code apply} does
 * (render.build's ApplyCode): a field {@code apply} maps gets its expression's value, an entity
 * collection changes item by item ({@code upsert}, {@code remove}), a field the event has of the
 * same name is copied, every other field keeps its value.
 */
final class StateChanges {

  private final Evaluator evaluator;

  StateChanges(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** The state of an instance before its first event: numbers 0, booleans false, lists empty. */
  static ObjectNode empty(Aggregate aggregate) {
    ObjectNode state = CelValues.NODES.objectNode();
    for (Field field : aggregate.fields()) {
      CelValues.empty(field.type())
          .ifPresent(
              v -> {
                if (v instanceof Long l) {
                  state.put(field.name(), l);
                } else if (v instanceof Double d) {
                  state.put(field.name(), d);
                } else if (v instanceof Boolean b) {
                  state.put(field.name(), b);
                } else {
                  state.set(field.name(), CelValues.NODES.arrayNode());
                }
              });
    }
    return state;
  }

  /** The state after {@code event} (with these fields) happened to one in {@code state}. */
  ObjectNode apply(Aggregate aggregate, ObjectNode state, Event event, ObjectNode payload) {
    CelValues values = evaluator.values();
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("state", values.record(values.types().state(aggregate), state));
    names.put("event", values.record(values.types().event(event), payload));
    ObjectNode next = CelValues.NODES.objectNode();
    for (Field field : aggregate.fields()) {
      Optional<Assignment> assignment =
          event.apply().stream().filter(a -> a.field().equals(field.name())).findFirst();
      JsonNode value;
      if (assignment.isEmpty()) {
        value =
            event.field(field.name()).isPresent()
                ? payload.get(field.name())
                : state.get(field.name());
      } else if (assignment.get() instanceof Assignment.SetValue set) {
        value = values.toJson(evaluator.eval(set.value(), names), field.type());
      } else if (assignment.get() instanceof Assignment.Upsert upsert) {
        value = upsert(aggregate, field, state, upsert, names);
      } else {
        Assignment.Remove remove = (Assignment.Remove) assignment.get();
        value = remove(field, state, evaluator.eval(remove.key(), names));
      }
      if (value != null && !value.isNull()) {
        next.set(field.name(), value);
      }
    }
    return values.canonical(values.types().state(aggregate), next);
  }

  private JsonNode upsert(
      Aggregate aggregate,
      Field collection,
      ObjectNode state,
      Assignment.Upsert upsert,
      Map<String, Object> names) {
    CelValues values = evaluator.values();
    Object key = evaluator.eval(upsert.key(), names);
    String keyField = collection.constraints().key().orElseThrow().value();
    var entity = aggregate.entity(collection.type().name()).orElseThrow();
    ArrayNode items = CelValues.NODES.arrayNode();
    JsonNode current = state.get(collection.name());
    JsonNode old = null;
    int at = -1;
    if (current != null && current.isArray()) {
      for (JsonNode item : current) {
        if (at < 0
            && sameKey(item.get(keyField), key, entity.field(keyField).orElseThrow().type())) {
          old = item;
          at = items.size();
        }
        items.add(item);
      }
    }
    ObjectNode item = CelValues.NODES.objectNode();
    for (Field f : entity.fields()) {
      JsonNode value;
      if (f.name().equals(keyField)) {
        value = values.toJson(key, f.type());
      } else {
        Optional<Assignment.SetValue> with =
            upsert.with().stream().filter(w -> w.field().equals(f.name())).findFirst();
        value =
            with.isPresent()
                ? values.toJson(evaluator.eval(with.get().value(), names), f.type())
                : old == null ? null : old.get(f.name());
      }
      if (value != null && !value.isNull()) {
        item.set(f.name(), value);
      }
    }
    if (at >= 0) {
      items.set(at, item);
    } else {
      items.add(item);
    }
    return items;
  }

  private JsonNode remove(Field collection, ObjectNode state, Object key) {
    String keyField = collection.constraints().key().orElseThrow().value();
    ArrayNode items = CelValues.NODES.arrayNode();
    JsonNode current = state.get(collection.name());
    if (current != null && current.isArray()) {
      for (JsonNode item : current) {
        if (!sameKey(item.get(keyField), key, collection.type())) {
          items.add(item);
        }
      }
    }
    return items;
  }

  private boolean sameKey(JsonNode stored, Object key, TypeRef type) {
    JsonNode wanted =
        evaluator.values().toJson(key, new TypeRef(type.name(), false, type.location()));
    return stored != null && wanted != null && JsonCompare.same(wanted, stored);
  }
}
