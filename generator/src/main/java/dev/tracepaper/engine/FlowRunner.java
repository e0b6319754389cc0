package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Creation;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.UniqueConstraint;
import dev.tracepaper.validate.rules.shape.Copying;
import dev.tracepaper.validate.rules.shape.FlowSite;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one command or policy on one instance as the generated flow and the runtime's {@code
 * CommandRunner} do: load, check existence ({@code NOT_FOUND}, {@code ALREADY_EXISTS}), then {@code
 * let} in order, the rules, the events of {@code emits} (each field mapped or copied as {@link
 * Copying} resolves it), their {@code apply}, the {@code unique} values, and append.
 */
final class FlowRunner {

  private final Evaluator evaluator;
  private final StateChanges changes;
  private final EventStore store;
  private final InputReader checks;

  FlowRunner(Evaluator evaluator, StateChanges changes, EventStore store, InputReader checks) {
    this.evaluator = evaluator;
    this.changes = changes;
    this.store = store;
    this.checks = checks;
  }

  /**
   * Runs {@code site}'s flow with {@code input} (the command's input, or a policy's triggering
   * event, in stored form) as {@code inputName}.
   */
  Outcome run(FlowSite site, String inputName, ModelRecord input, Caller caller, Instant now) {
    Aggregate aggregate = site.aggregate();
    Flow flow = site.flow();
    CelValues values = evaluator.values();
    Map<String, Object> names = new LinkedHashMap<>();
    names.put(inputName, input);
    names.put("user", user(caller));
    names.put("now", now);
    names.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    String key;
    try {
      key = key(site, input, names);
      EventStore.Instance current =
          store
              .find(aggregate.name(), key)
              .orElse(new EventStore.Instance(aggregate.name(), key, List.of(), null, false));
      if (flow.creation() == Creation.CREATES && current.exists()) {
        throw new Refusal(Refusal.ALREADY_EXISTS, aggregate.name() + " " + key + " already exists");
      }
      if (flow.creation() == Creation.UPDATES && !current.exists()) {
        throw new Refusal(Refusal.NOT_FOUND, aggregate.name() + " " + key + " does not exist");
      }
      ObjectNode state = current.exists() ? current.state() : StateChanges.empty(aggregate);
      names.put("state", values.record(values.types().state(aggregate), state));
      List<ObjectNode> payloads = new ArrayList<>();
      List<Event> events = decide(site, names, input, state, key, payloads);
      if (events.isEmpty()) {
        return new Outcome.Recorded(aggregate.name(), key, List.of());
      }
      ObjectNode before = current.exists() ? current.state() : null;
      ObjectNode after = state;
      boolean exists = true;
      List<StoredEvent> appended = new ArrayList<>();
      long version = current.version();
      for (int i = 0; i < events.size(); i++) {
        Event event = events.get(i);
        after = changes.apply(aggregate, after, event, payloads.get(i));
        if (event.endsInstance()) {
          exists = false;
        }
        appended.add(
            new StoredEvent(
                aggregate.name(), key, ++version, event.name(), payloads.get(i), caller, after));
      }
      if (exists) {
        checkUnique(aggregate, key, before, after);
      }
      List<StoredEvent> history = new ArrayList<>(current.history());
      history.addAll(appended);
      store.put(new EventStore.Instance(aggregate.name(), key, history, after, exists));
      return new Outcome.Recorded(aggregate.name(), key, appended);
    } catch (Refusal refusal) {
      return refusal.outcome();
    }
  }

  /** The key of the instance the flow acts on: its {@code key}, else the input's key field. */
  private String key(FlowSite site, ModelRecord input, Map<String, Object> names) {
    Optional<dev.tracepaper.model.Expression> expression = site.flow().key();
    Object key;
    if (expression.isPresent()) {
      key = evaluator.eval(expression.get(), names);
    } else {
      String field = site.aggregate().key().map(Located::value).orElse("");
      key = input.value().get(field);
    }
    JsonNode json =
        evaluator
            .values()
            .toJson(key, new dev.tracepaper.model.TypeRef("String", false, site.flow().location()));
    return json == null ? "null" : json.asString();
  }

  private List<Event> decide(
      FlowSite site,
      Map<String, Object> names,
      ModelRecord input,
      ObjectNode state,
      String key,
      List<ObjectNode> payloads) {
    Flow flow = site.flow();
    for (Let let : flow.let()) {
      names.put(let.name(), evaluator.eval(let.value(), names));
    }
    for (BusinessRule rule : flow.rules()) {
      if (!evaluator.test(rule.require(), names)) {
        throw new Refusal(rule.code().value(), rule.message());
      }
    }
    CelValues values = evaluator.values();
    List<Event> events = new ArrayList<>();
    for (Emit emit : flow.emits()) {
      if (emit.condition().isPresent() && !evaluator.test(emit.condition().get(), names)) {
        continue;
      }
      Event event = Copying.event(site, emit).orElseThrow();
      ObjectNode payload = CelValues.NODES.objectNode();
      for (Copying.Resolved resolved : Copying.resolve(site, emit, event)) {
        Field field = resolved.field();
        JsonNode value =
            switch (resolved.from()) {
              case MAPPED ->
                  values.toJson(evaluator.eval(mapping(emit, field), names), field.type());
              case LET -> values.toJson(names.get(field.name()), field.type());
              case INPUT -> values.toJson(input.value().get(field.name()), field.type());
              case KEY -> CelValues.NODES.stringNode(key);
              case STATE -> state.get(field.name());
              case NOWHERE -> null;
            };
        if (value != null && !value.isNull()) {
          payload.set(field.name(), value);
        }
      }
      // An event always holds its numbers and booleans: the generated record's primitives.
      List<FieldProblem> problems = checks.eventProblems(event.fields(), payload);
      if (!problems.isEmpty()) {
        throw Refusal.invalid(problems);
      }
      events.add(event);
      payloads.add(values.canonical(values.types().event(event), payload));
    }
    return events;
  }

  private static dev.tracepaper.model.Expression mapping(Emit emit, Field field) {
    return emit.mappings().stream()
        .filter(m -> m.field().equals(field.name()))
        .map(Assignment.SetValue::value)
        .findFirst()
        .orElseThrow();
  }

  ModelRecord user(Caller caller) {
    ObjectNode json = CelValues.NODES.objectNode();
    if (caller.id() != null) {
      json.put("id", caller.id());
    }
    if (caller.name() != null) {
      json.put("name", caller.name());
    }
    var roles = json.putArray("roles");
    caller.roles().forEach(roles::add);
    return evaluator.values().record(evaluator.values().types().user(), json);
  }

  /**
   * The values of {@code unique} constraints the instance takes with its new state: a value it
   * already held claims nothing new; one another live instance holds refuses the flow.
   */
  private void checkUnique(Aggregate aggregate, String key, ObjectNode before, ObjectNode after) {
    for (UniqueConstraint unique : aggregate.unique()) {
      Optional<List<String>> claim = claim(aggregate, unique, after);
      if (claim.isEmpty() || (before != null && claim.equals(claim(aggregate, unique, before)))) {
        continue;
      }
      for (EventStore.Instance other : store.instances(aggregate.name())) {
        if (!other.key().equals(key)
            && other.exists()
            && claim.equals(claim(aggregate, unique, other.state()))) {
          throw new Refusal(
              unique.code().map(Located::value).orElse("UNIQUE"),
              unique.messageOr(aggregate.name()));
        }
      }
    }
  }

  /** The values a state claims: none when one is absent or empty text. */
  private static Optional<List<String>> claim(
      Aggregate aggregate, UniqueConstraint unique, ObjectNode state) {
    List<String> claimed = new ArrayList<>();
    for (String name : unique.fieldNames()) {
      JsonNode value = state == null ? null : state.get(name);
      if (value == null || value.isNull() || (value.isString() && value.asString().isEmpty())) {
        return Optional.empty();
      }
      boolean email =
          aggregate
              .field(name)
              .map(f -> f.type().is(dev.tracepaper.model.BuiltinType.Email))
              .orElse(false);
      String text = value.isString() ? value.asString() : value.toString();
      claimed.add(email ? text.toLowerCase(Locale.ROOT) : text);
    }
    return Optional.of(claimed);
  }
}
