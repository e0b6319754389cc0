package dev.tracepaper.expr;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.EventVersion;
import dev.tracepaper.model.Expression;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Let;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.UpcastFields;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Visits the expressions of an aggregate or a view with their {@link Site} and {@link Scope}: this
 * class is where the language's scoping rules live (see docs/model-reference.md).
 */
final class ModelWalker {

  /** Checks one expression and remembers the outcome. */
  interface Checker {
    CheckedExpression check(Expression expression, Site site, Scope scope);
  }

  private static final String FLOW_KEY_WHY =
      "the key decides which `%s` the %s acts on, so it is computed before the state is loaded"
          + " and before the variables are set";
  private static final String COMMAND_WHY =
      "a command's input is `command`; `event` and `view` belong to event handlers";
  private static final String TRIGGER_WHY =
      "a trigger gives the command's input from its event, before the state is loaded and before"
          + " the variables are set";
  private static final String POLICY_WHY =
      "a policy is triggered by an event, which is `event`; it has no `command`";
  private static final String APPLY_WHY =
      "`apply` must give the same state each time the events are replayed, so it sees only"
          + " `event` and `state`";
  private static final String UPCAST_WHY =
      "an upcast reads only `old`, the payload as that version of the model stored it";
  private static final String UPCAST_NESTED_WHY =
      "a line giving a field of a value type reads only `old`, the older value that holds it";
  private static final String FROM_VIEW_WHY =
      "a `from` view is computed from its aggregate's state alone";
  private static final String HANDLER_KEY_WHY =
      "the key decides which row the event changes, so the row (`view`) is not known yet";
  private static final String HANDLER_KEYS_WHY =
      "the keys decide which rows the event changes, so no row (`view`) is known yet";
  private static final String HANDLER_WHY = "a view handler sees the event and the row it changes";

  private final ModelTypes types;
  private final ModelIndex index;
  private final Checker checker;
  private final AuthSites authSites;
  private final AutomationSites automationSites;

  ModelWalker(ModelTypes types, Checker checker) {
    this.types = types;
    this.index = types.index();
    this.checker = checker;
    this.authSites = new AuthSites(types, checker);
    this.automationSites = new AutomationSites(types, checker);
  }

  void aggregate(Aggregate aggregate) {
    aggregate.events().forEach(e -> event(aggregate, e));
    aggregate.commands().forEach(c -> flow(aggregate, c, "command", types.input(c)));
    aggregate.commands().forEach(authSites::command);
    aggregate.commands().forEach(c -> c.triggers().forEach(t -> trigger(aggregate, c, t)));
    aggregate.policies().forEach(p -> flow(aggregate, p, "policy", triggerOf(p)));
  }

  void automation(dev.tracepaper.model.Automation automation) {
    automationSites.automation(automation);
  }

  private void event(Aggregate aggregate, Event event) {
    String element = named("event", event.name());
    Scope scope =
        scope(names("event", types.event(event), "state", types.state(aggregate)), APPLY_WHY);
    for (Assignment line : event.apply()) {
      String in = code(line.field()) + " in the `apply` of " + element;
      String value = "the value of " + in;
      Optional<Field> stateField = aggregate.field(line.field());
      if (line instanceof Assignment.SetValue set) {
        Optional<Target> target =
            stateField.map(f -> target(f, "the state of `" + aggregate.name() + "`", aggregate));
        check(set.value(), Place.APPLY_FIELD, element, value, target, scope);
      } else if (line instanceof Assignment.Upsert upsert) {
        upsert(aggregate, element, upsert, stateField, scope);
      } else if (line instanceof Assignment.Remove remove) {
        Optional<Target> target = collectionKey(aggregate, stateField);
        check(remove.key(), Place.REMOVE_KEY, element, "the `remove` key of " + in, target, scope);
      }
    }
    event.versions().forEach(v -> upcast(aggregate, event, v));
  }

  /**
   * The {@code upcast} of an older version: each line gives a field of the next version, or by its
   * dotted path a field of a value type the next version holds; {@code old} is the older value that
   * holds the field: the payload, or the older value at the path's parent.
   */
  private void upcast(Aggregate aggregate, Event event, EventVersion version) {
    String element = "version " + version.version() + " of " + named("event", event.name());
    Scope payload = scope(names("old", types.olderEvent(event, version)), UPCAST_WHY);
    int next = version.version() + 1;
    String owner =
        next == event.currentVersion()
            ? "event `%s`".formatted(event.name())
            : "version %d of event `%s`".formatted(next, event.name());
    Optional<List<Field>> nextFields = event.fieldsOfVersion(next);
    for (Assignment line : version.upcast()) {
      if (!(line instanceof Assignment.SetValue set)) {
        continue;
      }
      String path = set.field();
      int dot = path.lastIndexOf('.');
      Scope scope = payload;
      Optional<List<Field>> level = nextFields;
      String holder = owner;
      if (dot >= 0) {
        Optional<TypeDef> old = UpcastFields.oldHolder(index, event, version, path);
        Optional<TypeDef> now = UpcastFields.nextHolder(index, event, version, path);
        if (old.isEmpty()) {
          continue; // UnfilledUpcastField: no older value holds the field, so the line cannot run
        }
        scope =
            scope(
                names("old", types.of(typeRef(old.get()), Optional.of(aggregate))),
                UPCAST_NESTED_WHY);
        level = now.map(TypeDef::fields);
        holder = now.map(t -> "type `" + t.name() + "`").orElse(owner);
      }
      String leaf = path.substring(dot + 1);
      String targetOwner = holder;
      Optional<Target> target =
          level
              .flatMap(fs -> fs.stream().filter(f -> f.name().equals(leaf)).findFirst())
              .map(f -> target(f, targetOwner, aggregate));
      check(
          set.value(),
          Place.UPCAST_FIELD,
          element,
          "the value of " + code(path) + " in the `upcast` of " + element,
          target,
          scope);
    }
  }

  private static TypeRef typeRef(TypeDef type) {
    return new TypeRef(type.name(), false, type.location());
  }

  private void upsert(
      Aggregate aggregate,
      String element,
      Assignment.Upsert upsert,
      Optional<Field> collection,
      Scope scope) {
    String of = code(upsert.field()) + " in the `apply` of " + element;
    check(
        upsert.key(),
        Place.UPSERT_KEY,
        element,
        "the `upsert` key of " + of,
        collectionKey(aggregate, collection),
        scope);
    Optional<TypeDef> entity = entityOf(aggregate, collection);
    for (Assignment.SetValue with : upsert.with()) {
      Optional<Target> target =
          entity.flatMap(
              e ->
                  e.field(with.field())
                      .map(f -> target(f, "entity `" + e.name() + "`", aggregate)));
      check(
          with.value(),
          Place.UPSERT_FIELD,
          element,
          "the value of " + code(with.field()) + " in the `with` of " + of,
          target,
          scope);
    }
  }

  private Optional<TypeDef> entityOf(Aggregate aggregate, Optional<Field> collection) {
    return collection.filter(f -> f.type().list()).flatMap(f -> aggregate.entity(f.type().name()));
  }

  private Optional<Target> collectionKey(Aggregate aggregate, Optional<Field> collection) {
    Optional<TypeDef> entity = entityOf(aggregate, collection);
    Optional<String> keyName = collection.flatMap(f -> f.constraints().key()).map(k -> k.value());
    return entity.flatMap(
        e -> keyName.flatMap(e::field).map(f -> target(f, "entity `" + e.name() + "`", aggregate)));
  }

  private void flow(Aggregate aggregate, Flow flow, String kind, CelType input) {
    String element = named(kind, flow.name());
    String inputName = kind.equals("command") ? "command" : "event";
    Map<String, CelType> request = new LinkedHashMap<>();
    request.put(inputName, input);
    request.put("user", types.user());
    request.put("now", SimpleType.TIMESTAMP);
    request.put("today", ModelTypes.DATE);
    flow.key()
        .ifPresent(
            key ->
                check(
                    key,
                    Place.FLOW_KEY,
                    element,
                    "the `key` of " + element,
                    Optional.empty(),
                    scope(request, FLOW_KEY_WHY.formatted(aggregate.name(), kind))));
    Map<String, CelType> names = new LinkedHashMap<>(request);
    names.put("state", types.state(aggregate));
    Scope scope = scope(names, kind.equals("command") ? COMMAND_WHY : POLICY_WHY);
    List<String> later = new ArrayList<>();
    flow.let().forEach(l -> later.add(l.name()));
    scope = new Scope(scope.names(), later, scope.why());
    for (Let let : flow.let()) {
      String description = "the variable " + code(let.name()) + " of " + element;
      CheckedExpression value =
          check(let.value(), Place.LET, element, description, Optional.empty(), scope);
      later.remove(let.name());
      scope = scope.with(let.name(), value, later);
    }
    int number = 1;
    for (BusinessRule rule : flow.rules()) {
      String description = "the `require` of rule " + number++ + " of " + element;
      check(rule.require(), Place.REQUIRE, element, description, Optional.empty(), scope);
    }
    for (Emit emit : flow.emits()) {
      emit(aggregate, element, emit, scope);
    }
  }

  private void emit(Aggregate aggregate, String element, Emit emit, Scope scope) {
    Optional<Event> event = aggregate.event(emit.event());
    emit.condition()
        .ifPresent(
            condition ->
                check(
                    condition,
                    Place.EMIT_CONDITION,
                    element,
                    "the `if` of the event " + code(emit.event()) + " emitted by " + element,
                    Optional.empty(),
                    scope));
    for (Assignment.SetValue mapping : emit.mappings()) {
      String description =
          "the value of "
              + code(mapping.field())
              + " for the event "
              + code(emit.event())
              + " emitted by "
              + element;
      Optional<Target> target =
          event.flatMap(
              e ->
                  e.field(mapping.field())
                      .map(f -> target(f, "event `" + e.name() + "`", aggregate)));
      check(mapping.value(), Place.EMIT_FIELD, element, description, target, scope);
    }
  }

  /**
   * The mappings of one event of a command's {@code on}: each gives an input field from the event,
   * with the caller and the time, as a command's {@code key} sees them.
   */
  private void trigger(Aggregate aggregate, Command command, Trigger trigger) {
    String element = named("command", command.name());
    CelType event = index.event(trigger.on()).map(types::event).orElse(SimpleType.DYN);
    Map<String, CelType> request = new LinkedHashMap<>();
    request.put("event", event);
    request.put("user", types.user());
    request.put("now", SimpleType.TIMESTAMP);
    request.put("today", ModelTypes.DATE);
    Scope scope = scope(request, TRIGGER_WHY);
    for (Assignment.SetValue mapping : trigger.mappings()) {
      Optional<Target> target =
          command
              .field(mapping.field())
              .map(f -> target(f, "command `" + command.name() + "`", aggregate));
      check(
          mapping.value(),
          Place.TRIGGER_FIELD,
          element,
          "the value of %s given by the trigger %s of %s"
              .formatted(code(mapping.field()), code(trigger.on().toString()), element),
          target,
          scope);
    }
  }

  private CelType triggerOf(Policy policy) {
    return index.event(policy.on()).map(types::event).orElse(SimpleType.DYN);
  }

  void view(View view) {
    String element = named("view", view.name());
    CelType state =
        view.from()
            .flatMap(f -> index.aggregate(f.value()))
            .map(types::state)
            .orElse(SimpleType.DYN);
    // `set` and `where` belong to a view fed only `from` an aggregate; elsewhere they are
    // MisplacedViewOption's to report, and their scope would be a guess.
    if (view.from().isPresent() && view.handlers().isEmpty()) {
      Scope fromScope = scope(names("state", state), FROM_VIEW_WHY);
      for (Assignment.SetValue set : view.set()) {
        check(
            set.value(),
            Place.VIEW_FIELD,
            element,
            "the value of " + code(set.field()) + " in the `set` of " + element,
            viewTarget(view, set.field()),
            fromScope);
      }
      view.where()
          .ifPresent(
              where ->
                  check(
                      where,
                      Place.VIEW_WHERE,
                      element,
                      "the `where` of " + element,
                      Optional.empty(),
                      fromScope));
    }
    view.handlers().forEach(h -> handler(view, element, h));
    authSites.view(view);
  }

  private void handler(View view, String viewElement, ViewHandler handler) {
    String element = "the handler of " + code(handler.event().toString()) + " in " + viewElement;
    CelType event = index.event(handler.event()).map(types::event).orElse(SimpleType.DYN);
    handler
        .key()
        .ifPresent(
            key ->
                check(
                    key,
                    Place.HANDLER_KEY,
                    element,
                    "the `key` of " + element,
                    Optional.empty(),
                    scope(names("event", event), HANDLER_KEY_WHY)));
    handler
        .keys()
        .ifPresent(
            keys ->
                check(
                    keys,
                    Place.HANDLER_KEYS,
                    element,
                    "the `keys` of " + element,
                    Optional.empty(),
                    scope(names("event", event), HANDLER_KEYS_WHY)));
    Scope scope = scope(names("event", event, "view", types.row(view)), HANDLER_WHY);
    for (Assignment.SetValue set : handler.set()) {
      check(
          set.value(),
          Place.HANDLER_FIELD,
          element,
          "the value of " + code(set.field()) + " in the `set` of " + element,
          viewTarget(view, set.field()),
          scope);
    }
    handler
        .deleteIf()
        .ifPresent(
            condition ->
                check(
                    condition,
                    Place.HANDLER_DELETE,
                    element,
                    "the `delete` of " + element,
                    Optional.empty(),
                    scope));
  }

  private Optional<Target> viewTarget(View view, String field) {
    return view.field(field)
        .map(
            f ->
                new Target(
                    f.name(),
                    f.type(),
                    types.of(f.type(), Optional.empty()),
                    "view `" + view.name() + "`",
                    Optional.empty()));
  }

  private Target target(Field field, String owner, Aggregate aggregate) {
    return new Target(
        field.name(),
        field.type(),
        types.of(field.type(), Optional.of(aggregate)),
        owner,
        Optional.of(aggregate));
  }

  private static Scope scope(Map<String, CelType> names, String why) {
    return new Scope(new LinkedHashMap<>(names), List.of(), why);
  }

  private CheckedExpression check(
      Expression expression,
      Place place,
      String element,
      String description,
      Optional<Target> target,
      Scope scope) {
    return checker.check(expression, new Site(place, element, description, target), scope);
  }

  private static String code(String name) {
    return "`" + name + "`";
  }

  private static String named(String kind, String name) {
    return kind + " `" + name + "`";
  }

  private static Map<String, CelType> names(Object... pairs) {
    Map<String, CelType> names = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.put((String) pairs[i], (CelType) pairs[i + 1]);
    }
    return names;
  }
}
