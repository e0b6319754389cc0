package dev.tracepaper.engine;

import dev.cel.common.types.CelType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.UpcastFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an event as an older version of the model stored it, step by step up to the version this
 * model writes, as the generated {@code <Event>Versions} do: each field computed by its {@code
 * upcast} line, copied, or converted field by field ({@link UpcastFields}).
 */
final class Upcasts {

  private final ModelIndex index;
  private final Evaluator evaluator;

  Upcasts(ModelIndex index, Evaluator evaluator) {
    this.index = index;
    this.evaluator = evaluator;
  }

  /** {@code payload} of version {@code version} of {@code event}, as the current version. */
  ObjectNode current(Event event, int version, ObjectNode payload) {
    ObjectNode at = payload;
    for (int v = version; v < event.currentVersion(); v++) {
      EventVersion older = event.olderVersion(v).orElseThrow();
      CelType oldType = evaluator.values().types().olderEvent(event, older);
      ModelRecord old = evaluator.values().record(oldType, at);
      at = step(UpcastFields.of(index, event, older), at, old, index.aggregate(event.aggregate()));
    }
    YamlJson.completeNumbers(at, event.fields());
    return at;
  }

  private ObjectNode step(
      List<UpcastFields.Source> sources,
      JsonNode oldJson,
      ModelRecord old,
      Optional<Aggregate> owner) {
    ObjectNode next = CelValues.NODES.objectNode();
    for (UpcastFields.Source source : sources) {
      String name = source.field().name();
      JsonNode value = null;
      if (source instanceof UpcastFields.Computed computed) {
        value =
            evaluator
                .values()
                .toJson(
                    evaluator.eval(computed.line().value(), Map.of("old", old)),
                    computed.field().type());
      } else if (source instanceof UpcastFields.Copied copied) {
        value = oldJson.get(copied.old().name());
      } else if (source instanceof UpcastFields.Converted converted) {
        value = convert(converted, oldJson.get(converted.old().name()), owner);
      }
      if (value != null && !value.isNull()) {
        next.set(name, value);
      }
    }
    return next;
  }

  private JsonNode convert(
      UpcastFields.Converted converted, JsonNode oldValue, Optional<Aggregate> owner) {
    if (oldValue == null || oldValue.isNull()) {
      return null;
    }
    TypeRef oldType = converted.old().type();
    CelType type =
        evaluator
            .values()
            .types()
            .of(new TypeRef(oldType.name(), false, oldType.location()), owner);
    if (oldValue.isArray()) {
      ArrayNode items = CelValues.NODES.arrayNode();
      for (JsonNode item : oldValue) {
        items.add(step(converted.fields(), item, evaluator.values().record(type, item), owner));
      }
      return items;
    }
    return step(converted.fields(), oldValue, evaluator.values().record(type, oldValue), owner);
  }
}
