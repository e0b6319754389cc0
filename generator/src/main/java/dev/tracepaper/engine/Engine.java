package dev.tracepaper.engine;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Auth;
import dev.tracepaper.model.AuthConfig;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.View;
import dev.tracepaper.render.build.AuthDirectives;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.rules.shape.FlowSite;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a validated model in memory, with the semantics of the code it generates: commands through
 * the API (auth, input, then the flow), commands run by an event of their {@code on}, policies, the
 * events' {@code apply}, {@code unique} values, and views kept from the events. It holds the
 * model's event store and views; what it runs is checked by validation, so the model must be valid.
 */
public final class Engine {

  private final ModelIndex index;
  private final Evaluator evaluator;
  private final EventStore events = new EventStore();
  private final ViewStore views = new ViewStore();
  private final StateChanges changes;
  private final FlowRunner flows;
  private final InputReader inputs;
  private final Upcasts upcasts;
  private final Projector projector;
  private final AuthDirectives directives;
  private final AutomationRunner automations;
  private final ReadAccess reads;

  public Engine(ModelIndex index) {
    this(
        index,
        new Evaluator(index),
        new InputReader(index),
        AuthDirectives.of(
            index.model().app().map(a -> a.auth()).orElse(AuthConfig.none(SourceLocation.NONE))));
  }

  private Engine(
      ModelIndex index, Evaluator evaluator, InputReader inputs, AuthDirectives directives) {
    this.index = index;
    this.evaluator = evaluator;
    this.inputs = inputs;
    this.directives = directives;
    this.changes = new StateChanges(evaluator);
    this.flows = new FlowRunner(evaluator, changes, events, inputs);
    this.upcasts = new Upcasts(index, evaluator);
    this.projector = new Projector(index, evaluator, views);
    this.automations = new AutomationRunner(index, evaluator);
    this.reads = new ReadAccess(evaluator, flows);
  }

  public ModelIndex index() {
    return index;
  }

  /**
   * An engine of the same model with no instances and no rows, sharing what this one prepared (the
   * evaluator and its planned expressions): one per test case costs little.
   */
  public Engine fresh() {
    return new Engine(index, evaluator, inputs, directives);
  }

  /** Who reads which rows of a view, by an auth that depends on the data. */
  public ReadAccess readAccess() {
    return reads;
  }

  public EventStore events() {
    return events;
  }

  public ViewStore views() {
    return views;
  }

  /** The auth types that may run {@code command} through the API, in AppSync's order. */
  public List<AuthType> authTypes(Command command) {
    return directives.types(command.auth()).stream().map(AuthType::valueOf).toList();
  }

  /**
   * Runs {@code command} through the API as the generated handler does: the caller is admitted by
   * the auth's modes, the input read ({@code VALIDATION}), the auth's {@code when} decided, then
   * the flow run.
   */
  public Outcome command(
      Command command, JsonNode input, Caller caller, AuthType authType, Instant now) {
    Optional<Auth> auth = command.auth();
    if (!authTypes(command).contains(authType)) {
      return new Outcome.Refused(
          Refusal.UNAUTHORIZED,
          authType == AuthType.API_KEY
              ? "Only signed-in callers may run " + command.name() + "."
              : command.name() + " does not admit callers authenticated as this one is.");
    }
    List<String> groups = directives.cognitoGroups(auth);
    if (authType == AuthType.AMAZON_COGNITO_USER_POOLS
        && !groups.isEmpty()
        && Collections.disjoint(caller.roles(), groups)) {
      return new Outcome.Refused(
          Refusal.UNAUTHORIZED,
          "Only callers with the role "
              + String.join(" or ", groups)
              + " may run "
              + command.name()
              + ".");
    }
    Aggregate aggregate = index.aggregate(command.aggregate()).orElseThrow();
    List<FieldProblem> problems = new ArrayList<>();
    ObjectNode read =
        inputs.read(command.fields(), input, Optional.of(aggregate), caller, now, "", problems);
    if (!problems.isEmpty()) {
      return Refusal.invalid(problems).outcome();
    }
    ModelRecord record = evaluator.values().record(evaluator.values().types().input(command), read);
    if (!admitted(command, record, caller, authType, now)) {
      return new Outcome.Refused(
          Refusal.UNAUTHORIZED, command.name() + " does not admit this caller for this input.");
    }
    return flows.run(site(command), "command", record, caller, now);
  }

  /** Whether the {@code when} conditions of the command's auth admit the caller for this input. */
  private boolean admitted(
      Command command, ModelRecord input, Caller caller, AuthType authType, Instant now) {
    List<Expression> conditions = command.auth().map(Auth::conditions).orElse(List.of());
    if (conditions.isEmpty() || authType != AuthType.AMAZON_COGNITO_USER_POOLS) {
      return true;
    }
    List<String> roles = command.auth().orElseThrow().roles();
    if (!roles.isEmpty() && caller.roles().stream().anyMatch(roles::contains)) {
      return true;
    }
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("command", input);
    names.put("user", flows.user(caller));
    names.put("now", now);
    names.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    return conditions.stream().anyMatch(c -> evaluator.test(c, names));
  }

  /**
   * Runs {@code command} for {@code event}, one event of its {@code on}, as the event's handler
   * does: the input from the event (lines, values filled by the system, fields of the same name,
   * defaults), its required fields checked, the flow run by the event's recorder without roles.
   */
  public Outcome trigger(Command command, Trigger trigger, StoredEvent event, Instant now) {
    Event type = index.event(trigger.on()).orElseThrow();
    Caller caller = recorder(event);
    CelValues values = evaluator.values();
    Map<String, Object> names = new LinkedHashMap<>();
    names.put("event", values.record(values.types().event(type), event.payload()));
    names.put("user", flows.user(caller));
    names.put("now", now);
    names.put("today", LocalDate.ofInstant(now, ZoneOffset.UTC));
    Aggregate aggregate = index.aggregate(command.aggregate()).orElseThrow();
    ObjectNode read = CelValues.NODES.objectNode();
    List<FieldProblem> problems = new ArrayList<>();
    for (Field field : command.fields()) {
      Optional<Assignment.SetValue> line =
          trigger.mappings().stream().filter(m -> m.field().equals(field.name())).findFirst();
      JsonNode value;
      if (field.constraints().autoFill().isPresent()) {
        value = inputs.autoFilled(field, caller, now);
      } else if (line.isPresent()) {
        value = values.toJson(evaluator.eval(line.get().value(), names), field.type());
      } else if (type.field(field.name()).isPresent()) {
        value = event.payload().get(field.name());
      } else if (field.constraints().defaultValue().isPresent()) {
        value = inputs.defaultValue(field, aggregate);
      } else {
        value = field.type().list() ? CelValues.NODES.arrayNode() : null;
      }
      if (value != null && !value.isNull()) {
        read.set(field.name(), value);
      } else if (field.constraints().autoFill().isEmpty() && field.isRequired(true)) {
        // The constraints are the API's; an event's run checks only that required fields have
        // values (an event field may be empty).
        problems.add(new FieldProblem(field.name(), "is required"));
      }
    }
    if (!problems.isEmpty()) {
      return Refusal.invalid(problems).outcome();
    }
    return flows.run(
        site(command), "command", values.record(values.types().input(command), read), caller, now);
  }

  /** Runs {@code policy} for its triggering event, by the event's recorder without roles. */
  public Outcome policy(Policy policy, StoredEvent event, Instant now) {
    Event type = index.event(policy.on()).orElseThrow();
    CelValues values = evaluator.values();
    return flows.run(
        site(policy),
        "event",
        values.record(values.types().event(type), event.payload()),
        recorder(event),
        now);
  }

  private static Caller recorder(StoredEvent event) {
    // The handler of an event knows only the recorder's id (StoredEvent.user): its name as well.
    return new Caller(event.caller().id(), event.caller().id(), List.of());
  }

  private FlowSite site(dev.tracepaper.model.Flow flow) {
    return FlowSite.all(index).stream()
        .filter(s -> s.flow() == flow)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a flow of the model: " + flow.name()));
  }

  /**
   * Appends {@code event} (its fields in stored form, numbers and booleans left out read as 0 and
   * false) to the instance {@code key} and applies it, as past events are given.
   */
  public StoredEvent record(
      String aggregate, String key, String event, ObjectNode payload, Caller caller) {
    Aggregate owner = index.aggregate(aggregate).orElseThrow();
    Event type = owner.event(event).orElseThrow();
    CelValues values = evaluator.values();
    return append(owner, key, type, values.canonical(values.types().event(type), payload), caller);
  }

  /**
   * Appends an event as version {@code version} of the model stored it, under {@code storedName}
   * (its name or one it was {@code renamedFrom}), read through its upcasts.
   */
  public StoredEvent recordStored(
      String aggregate,
      String key,
      String storedName,
      int version,
      ObjectNode payload,
      Caller caller) {
    Aggregate owner = index.aggregate(aggregate).orElseThrow();
    Event type =
        owner.events().stream()
            .filter(e -> e.storedNames().contains(storedName))
            .findFirst()
            .orElseThrow();
    ObjectNode fields = payload.deepCopy();
    type.fieldsOfVersion(version).ifPresent(f -> YamlJson.completeNumbers(fields, f));
    CelValues values = evaluator.values();
    ObjectNode current = upcasts.current(type, version, fields);
    return append(owner, key, type, values.canonical(values.types().event(type), current), caller);
  }

  private StoredEvent append(
      Aggregate aggregate, String key, Event event, ObjectNode payload, Caller caller) {
    Optional<EventStore.Instance> current = events.find(aggregate.name(), key);
    ObjectNode state =
        current
            .filter(EventStore.Instance::exists)
            .map(EventStore.Instance::state)
            .orElseGet(() -> StateChanges.empty(aggregate));
    ObjectNode after = changes.apply(aggregate, state, event, payload);
    long version = current.map(EventStore.Instance::version).orElse(0L) + 1;
    StoredEvent stored =
        new StoredEvent(aggregate.name(), key, version, event.name(), payload, caller, after);
    List<StoredEvent> history =
        new ArrayList<>(current.map(EventStore.Instance::history).orElse(List.of()));
    history.add(stored);
    events.put(
        new EventStore.Instance(aggregate.name(), key, history, after, !event.endsInstance()));
    return stored;
  }

  /** The instance {@code key} as it stands, without the events that made it so. */
  public void seed(String aggregate, String key, ObjectNode state) {
    List<StoredEvent> history =
        events.find(aggregate, key).map(EventStore.Instance::history).orElse(List.of());
    CelValues values = evaluator.values();
    Aggregate type = index.aggregate(aggregate).orElseThrow();
    ObjectNode read = values.canonical(values.types().state(type), state);
    events.put(new EventStore.Instance(aggregate, key, history, read, true));
  }

  /**
   * Delivers a recorded event as the event bus does: into every view that reads it, then to each
   * policy whose {@code on} it is and each command whose {@code on} names it, in model order. The
   * events these record are delivered in turn, breadth first; the reactions come in that order.
   */
  public List<Reaction> deliver(StoredEvent event, Instant now) {
    return deliver(List.of(event), now);
  }

  /**
   * Delivers events recorded together (a command's), in the order stored, and what they cause after
   * them: the order in which the stream hands a store's appends on.
   */
  public List<Reaction> deliver(List<StoredEvent> events, Instant now) {
    List<Reaction> reactions = new ArrayList<>();
    java.util.ArrayDeque<StoredEvent> pending = new java.util.ArrayDeque<>(events);
    while (!pending.isEmpty()) {
      StoredEvent next = pending.poll();
      projector.project(next);
      for (Reaction reaction : react(next, now)) {
        reactions.add(reaction);
        if (reaction.outcome() instanceof Outcome.Recorded recorded) {
          pending.addAll(recorded.events());
        }
      }
    }
    return reactions;
  }

  private List<Reaction> react(StoredEvent event, Instant now) {
    Optional<Event> type = index.aggregate(event.aggregate()).flatMap(a -> a.event(event.type()));
    List<Reaction> reactions = new ArrayList<>();
    if (type.isEmpty()) {
      return reactions;
    }
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Policy policy : aggregate.policies()) {
        if (index.event(policy.on()).filter(e -> e == type.get()).isPresent()) {
          reactions.add(new Reaction(event, "policy " + policy.name(), policy(policy, event, now)));
        }
      }
      for (Command command : aggregate.commands()) {
        for (Trigger trigger : command.triggers()) {
          if (index.event(trigger.on()).filter(e -> e == type.get()).isPresent()) {
            reactions.add(
                new Reaction(
                    event, "command " + command.name(), trigger(command, trigger, event, now)));
          }
        }
      }
    }
    return reactions;
  }

  /**
   * What {@code automation} would do at {@code now}, run by an event with {@code payload} (its
   * fields as a test or the API gives them; numbers and booleans left out read as 0 and false), or
   * by its schedule or a deployment (no payload). Nothing is sent: the side effects come back.
   */
  public List<Performed> automation(
      Automation automation, Optional<ObjectNode> payload, Instant now) {
    return automations.preview(automation, payload, now);
  }

  /** The automations {@code event} runs, each with what it would do (nothing is sent). */
  public Map<Automation, List<Performed>> automationsOn(StoredEvent event, Instant now) {
    Optional<Event> type = index.aggregate(event.aggregate()).flatMap(a -> a.event(event.type()));
    Map<Automation, List<Performed>> previews = new LinkedHashMap<>();
    for (Automation automation : index.model().automations()) {
      if (automation.trigger() instanceof Automation.OnEvent on
          && type.isPresent()
          && index.event(on.event()).filter(e -> e == type.get()).isPresent()) {
        previews.put(automation, automations.run(automation, Optional.of(event.payload()), now));
      }
    }
    return previews;
  }

  /** Projects {@code event} into every view that reads it (once, however often delivered). */
  public void project(StoredEvent event) {
    projector.project(event);
  }

  /** Projects {@code event} into {@code view} alone. */
  public void project(View view, StoredEvent event) {
    projector.project(view, event);
  }

  /** A view's {@code get}: the row under {@code key}. */
  public Optional<ObjectNode> get(View view, String key) {
    return views.row(view.name(), key);
  }

  /** A view's {@code list}: every row, in key order. */
  public List<ObjectNode> list(View view) {
    return List.copyOf(views.rows(view.name()).values());
  }
}
