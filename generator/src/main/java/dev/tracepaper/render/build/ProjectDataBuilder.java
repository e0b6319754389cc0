package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.expr.ExpressionChecker;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.App;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Emit;
import dev.tracepaper.model.EnumDef;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.ModelJavaNames;
import dev.tracepaper.model.OlderShapes;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.TypeDef;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.RuntimeRepository;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CommandCheckData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.EnumData;
import dev.tracepaper.render.data.EventData;
import dev.tracepaper.render.data.FieldData;
import dev.tracepaper.render.data.FlowData;
import dev.tracepaper.render.data.HandlerExample;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ProjectData;
import dev.tracepaper.render.data.RecordData;
import dev.tracepaper.render.data.TestData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.validate.rules.shape.FlowSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the template data model from a valid model: every name converted, every expression
 * translated, every value the templates print computed here, so templates hold layout only.
 */
public final class ProjectDataBuilder {

  /** Below this, starting the pool's threads costs more than it saves. */
  private static final int AGGREGATES_FOR_THREADS = 8;

  private final ModelIndex index;
  private final App app;
  private final JavaNames names;
  private final TypeMapping types;
  private final FieldCode fields;
  private final InputCode inputs;
  private final CheckedExpressions checked;
  private final FlowCode flows;
  private final TestCode tests;
  private final ViewCode views;
  private final TriggerCode triggers;
  private final TextProbes textProbes;
  private final StateFingerprint fingerprints;

  private ProjectDataBuilder(ModelIndex index) {
    this.index = index;
    this.app = index.model().app().orElseThrow(() -> new IllegalStateException("no app"));
    this.names = ModelJavaNames.of(index.model());
    this.types = new TypeMapping(index, names);
    this.fields = new FieldCode(types);
    this.inputs = new InputCode(types, PatternResolver.of(index.model()));
    this.textProbes = new TextProbes(PatternResolver.of(index.model()));
    this.checked = ExpressionChecker.checked(index);
    this.flows = new FlowCode(checked, types, names);
    this.tests = new TestCode(index, names);
    this.views = new ViewCode(index, checked, types, fields, names);
    this.fingerprints = new StateFingerprint(index);
    this.triggers = new TriggerCode(index, app, names, types, inputs, checked);
  }

  /** The data model of a model that validated without errors. */
  public static ProjectData build(ModelIndex index) {
    return new ProjectDataBuilder(index).project(AGGREGATES_FOR_THREADS);
  }

  /** The same, on the calling thread alone: what the parallel build must equal. */
  static ProjectData buildSequentially(ModelIndex index) {
    return new ProjectDataBuilder(index).project(Integer.MAX_VALUE);
  }

  /** The same, in parallel however small the model. */
  static ProjectData buildInParallel(ModelIndex index) {
    return new ProjectDataBuilder(index).project(0);
  }

  /**
   * Aggregates are built in parallel from {@code threadsFrom} aggregates on: each reads only the
   * model, the checked expressions and the naming helpers, which are immutable or synchronized, and
   * a large model's aggregates are most of the work. The order of the list stays the model's.
   */
  private ProjectData project(int threadsFrom) {
    String name = app.name().value();
    List<Aggregate> all = index.model().aggregates();
    List<AggregateData> aggregates =
        (all.size() >= threadsFrom ? all.parallelStream() : all.stream())
            .map(this::aggregate)
            .toList();
    List<ViewData> viewData =
        ViewCases.withCases(
            index.model().views().stream().map(views::of).toList(),
            aggregates,
            names,
            index,
            new ViewTestCode(index, names, tests));
    return new ProjectData(
        name,
        name,
        names.basePackage(),
        names.basePackage(),
        names.runtimePackage(),
        RuntimeRepository.version(),
        app.description().orElse(""),
        1,
        ApiDataBuilder.of(index),
        index.model().enums().stream().map(this::enumData).toList(),
        index.model().types().stream()
            .map(t -> record(t, Optional.empty(), names.type(t.name())))
            .toList(),
        aggregates,
        viewData,
        index.model().queries().stream()
            .map(new CustomQueryCode(index, types, fields, names)::of)
            .toList(),
        StacksBuilder.of(index, aggregates, viewData),
        new ScenarioCode(index, tests).of(aggregates, viewData),
        index.model().automations().stream()
            .map(new AutomationCode(index, checked, types, names)::of)
            .toList(),
        AutomationStackBuilder.of(index, names));
  }

  private EnumData enumData(EnumDef e) {
    JavaName javaName = names.enumType(e.name());
    return new EnumData(
        GraphQlNames.enumType(e.name()),
        javaName.simpleName(),
        javaName.qualified(),
        e.values().stream().map(Located::value).toList(),
        e.description().orElse(""),
        "enum " + e.name());
  }

  /** A value type or entity; their fields are required in input unless they say otherwise. */
  private RecordData record(TypeDef type, Optional<Aggregate> owner, JavaName javaName) {
    boolean entity = owner.isPresent();
    List<FieldData> data =
        type.fields().stream()
            .map(
                f ->
                    fields.data(
                        f,
                        owner,
                        entity || !f.isRequired(true)
                            ? FieldCode.Presence.MAYBE_ABSENT
                            : FieldCode.Presence.ALWAYS,
                        f.isRequired(true)))
            .toList();
    InputCode.Code input = inputs.of(type.fields(), owner, true);
    Set<String> imports = new TreeSet<>(input.imports());
    FieldCode.addCodecImports(imports, names.runtimePackage());
    imports.add(names.runtimePackage() + ".Input");
    return new RecordData(
        GraphQlNames.objectType(type.name()),
        GraphQlNames.inputType(type.name()),
        javaName.simpleName(),
        javaName.packageName(),
        data,
        type.description().orElse(""),
        (entity ? "entity " : "type ") + type.name(),
        input.constants(),
        input.reads(),
        input.checks(),
        List.copyOf(withoutOwnPackage(imports, javaName.packageName())),
        !entity && OlderShapes.typesOf(index).contains(type.name()));
  }

  /**
   * A state field's value before the first event: numbers and booleans start at 0 and false, as an
   * event's always hold a value, so that a counter ({@code attempts: state.attempts + 1}) counts
   * from its first event; lists are empty; anything else has no value yet.
   */
  static String emptyValue(Field field) {
    if (field.type().list()) {
      return "List.of()";
    }
    return field
        .type()
        .builtin()
        .map(
            type ->
                switch (type) {
                  case Int -> "0L";
                  case Float -> "0.0";
                  case Boolean -> "false";
                  default -> "null";
                })
        .orElse("null");
  }

  static List<String> withoutOwnPackage(Set<String> imports, String javaPackage) {
    return imports.stream()
        .filter(i -> !i.substring(0, Math.max(0, i.lastIndexOf('.'))).equals(javaPackage))
        .toList();
  }

  private AggregateData aggregate(Aggregate aggregate) {
    Optional<Aggregate> owner = Optional.of(aggregate);
    String pkg = names.aggregatePackage(aggregate.name());
    Set<String> stateImports = new TreeSet<>();
    List<FieldData> state =
        aggregate.fields().stream()
            .map(f -> fields.data(f, owner, FieldCode.Presence.MAYBE_ABSENT, false))
            .toList();
    aggregate.fields().forEach(f -> types.addImports(f.type(), owner, stateImports));
    FieldCode.addCodecImports(stateImports, names.runtimePackage());
    List<EventData> events = new ArrayList<>();
    for (Event event : aggregate.events()) {
      events.add(event(aggregate, event, stateImports));
    }
    List<CommandData> commands = new ArrayList<>();
    for (Command command : aggregate.commands()) {
      commands.add(command(aggregate, command));
    }
    List<PolicyData> policies = new ArrayList<>();
    for (Policy policy : aggregate.policies()) {
      policies.add(policy(aggregate, policy));
    }
    // The events of a command's `on` are delivered as a policy's are.
    commands.forEach(c -> policies.addAll(c.triggers()));
    String app = this.app.name().value();
    return new AggregateData(
        aggregate.name(),
        pkg,
        names.state(aggregate.name()).simpleName(),
        names.eventInterface(aggregate.name()).simpleName(),
        names.aggregateType(aggregate.name()).simpleName(),
        names.commandHandler(aggregate.name()).simpleName(),
        names.commandHandler(aggregate.name()).qualified() + "::handleRequest",
        AwsNames.commandFunctionId(aggregate.name()),
        AwsNames.commandDataSourceId(aggregate.name()),
        AwsNames.eventSource(
            app, aggregate.subdomain().map(Located::value).orElse(""), aggregate.name()),
        aggregate.snapshotEvery().map(Located::value).orElse(0L),
        aggregate.eventRetentionDays().map(Located::value).orElse(0L),
        index.model().views().stream()
            .anyMatch(
                v ->
                    v.handlers().isEmpty()
                        && v.from().map(f -> f.value().equals(aggregate.name())).orElse(false)),
        fingerprints.of(aggregate, events.stream().map(EventData::newState).toList()),
        JavaNames.member(aggregate.key().map(Located::value).orElseThrow()),
        state,
        aggregate.fields().stream().map(ProjectDataBuilder::emptyValue).toList(),
        aggregate.entities().stream()
            .map(e -> record(e, owner, names.entity(aggregate.name(), e.name())))
            .toList(),
        events,
        commands,
        policies,
        handlerExample(aggregate, commands),
        aggregate.description().orElse(""),
        "aggregate " + aggregate.name(),
        List.copyOf(withoutOwnPackage(stateImports, pkg)),
        aggregate.unique().stream().map(u -> UniqueCode.of(aggregate, u)).toList(),
        index.model().automations().stream()
            .flatMap(a -> dev.tracepaper.automation.Activities.all(a).stream())
            .filter(dev.tracepaper.model.Automation.SendCommand.class::isInstance)
            .map(dev.tracepaper.model.Automation.SendCommand.class::cast)
            .flatMap(send -> send.resolve(index.model()).stream())
            .anyMatch(c -> c.aggregate().equals(aggregate.name())));
  }

  /** The first creating command with a case that starts from nothing and succeeds. */
  private List<HandlerExample> handlerExample(Aggregate aggregate, List<CommandData> commands) {
    String keyName = aggregate.key().map(Located::value).orElse("");
    for (int i = 0; i < commands.size(); i++) {
      Command command = aggregate.commands().get(i);
      if (!command.creates() || command.key().isPresent()) {
        continue;
      }
      Optional<Field> keyField = command.field(keyName);
      if (keyField.isEmpty()) {
        continue;
      }
      for (TestData test : commands.get(i).flow().tests()) {
        if (!test.trigger().isEmpty()) {
          continue; // run by an event: its `when` is the event, not the mutation's input
        }
        // Which events an `if` lets through, only a case that names them says.
        boolean eventsKnown =
            test.expectsEvents() || command.emits().stream().noneMatch(Emit::conditional);
        if (test.givenEvents().isEmpty()
            && test.givenState().isEmpty()
            && test.expectedError().isEmpty()
            && eventsKnown) {
          List<String> events =
              test.expectsEvents()
                  ? test.expectedEvents().stream().map(TestData.EventJson::type).toList()
                  : command.emits().stream().map(Emit::event).toList();
          TextProbes.Probes probes = textProbes.of(aggregate, command, events);
          return List.of(
              new HandlerExample(
                  commands.get(i).operation(),
                  test.when(),
                  index.roles().stream().sorted().toList(),
                  jsonArray(events),
                  probes.tried(),
                  probes.leftOut()));
        }
      }
    }
    return List.of();
  }

  private static String jsonArray(List<String> texts) {
    return "["
        + String.join(",", texts.stream().map(dev.tracepaper.text.Escapes::jsonString).toList())
        + "]";
  }

  private EventData event(Aggregate aggregate, Event event, Set<String> stateImports) {
    Optional<Aggregate> owner = Optional.of(aggregate);
    Set<String> imports = new TreeSet<>();
    ExpressionCode expressions =
        new ExpressionCode(
            checked, types, names.runtimePackage(), Map.of("state", "this"), imports);
    List<String> newState =
        new ApplyCode(expressions, types, names.runtimePackage())
            .newState(aggregate, event, imports);
    stateImports.addAll(imports);
    Set<String> own = new TreeSet<>();
    event.fields().forEach(f -> types.addImports(f.type(), owner, own));
    FieldCode.addCodecImports(own, names.runtimePackage());
    InputCode.Code checks = inputs.eventChecks(event.fields(), owner);
    if (!checks.checks().isEmpty()) {
      own.addAll(checks.imports());
      own.add(names.runtimePackage() + ".Input");
    }
    String pkg = names.aggregatePackage(aggregate.name());
    String javaClass = names.event(aggregate.name(), event.name()).simpleName();
    UpcastCode.Versions versions =
        new UpcastCode(checked, types, fields, names.runtimePackage())
            .of(index, aggregate, event, javaClass, pkg);
    return new EventData(
        event.name(),
        javaClass,
        event.fields().stream()
            .map(f -> fields.data(f, owner, FieldCode.Presence.ALWAYS, true))
            .toList(),
        event.endsInstance(),
        newState,
        List.copyOf(withoutOwnPackage(own, pkg)),
        checks.checks(),
        checks.constants(),
        event.description().orElse(""),
        "event " + aggregate.name() + "." + event.name(),
        event.currentVersion(),
        event.storedNames(),
        versions.versions().isEmpty() ? "" : javaClass + "Versions",
        versions.versions(),
        versions.imports());
  }

  private CommandData command(Aggregate aggregate, Command command) {
    Optional<Aggregate> owner = Optional.of(aggregate);
    JavaName javaName = names.command(aggregate.name(), command.name());
    List<FieldData> all = new ArrayList<>();
    List<FieldData> input = new ArrayList<>();
    for (Field f : command.fields()) {
      boolean required = f.isRequired(true);
      FieldData data =
          fields.data(
              f,
              owner,
              f.alwaysSetInCommand() ? FieldCode.Presence.ALWAYS : FieldCode.Presence.MAYBE_ABSENT,
              required);
      all.add(data);
      if (f.constraints().autoFill().isEmpty()) {
        input.add(data);
      }
    }
    InputCode.Code code = inputs.of(command.fields(), owner, true);
    Set<String> imports = new TreeSet<>(code.imports());
    imports.add(names.runtimePackage() + ".Input");
    imports.add(names.runtimePackage() + ".Metadata");
    FlowSite site = new FlowSite(command, aggregate, Optional.empty());
    ApiPlace place =
        ApiPlace.of(GraphQlNames.MUTATION, GraphQlNames.mutation(command.name()), command.api());
    List<String> triggerChecks =
        command.triggers().isEmpty() ? List.of() : InputCode.triggerChecks(command.fields());
    FlowData flow =
        flows.of(
            site,
            javaName,
            tests.of(
                aggregate,
                command.tests(),
                command.fields(),
                aggregate,
                command.rules(),
                false,
                triggers.testInputs(command)));
    CommandCheckData check =
        new CommandChecks(checked, types, names.runtimePackage()).of(command, imports);
    return new CommandData(
        command.name(),
        javaName.simpleName(),
        place.field(),
        place.parentType(),
        place.namespace(),
        place.operation(),
        GraphQlNames.commandInput(command.name()),
        place.resolverId(),
        GraphQlNames.MUTATION_RESOLVER_FILE,
        ApiDataBuilder.directives(index, command.auth(), place.namespace()),
        ApiDataBuilder.rolesOnly(index, command.auth()),
        ApiDataBuilder.authTypes(index, command.auth()),
        ApiDataBuilder.cognitoGroups(index, command.auth()),
        all,
        input,
        code.constants(),
        code.reads(),
        code.checks(),
        flow,
        ExampleInput.of(command, index),
        command.description().orElse(""),
        "command " + aggregate.name() + "." + command.name(),
        List.copyOf(withoutOwnPackage(imports, javaName.packageName())),
        check,
        command.notifies() ? GraphQlNames.commandSubscription(command.name()) : "",
        command.triggers().stream()
            .map(t -> triggers.of(aggregate, command, t, javaName, !triggerChecks.isEmpty(), flow))
            .toList(),
        triggerChecks);
  }

  private PolicyData policy(Aggregate aggregate, Policy policy) {
    Event trigger = index.event(policy.on()).orElseThrow();
    Aggregate source = index.aggregate(trigger.aggregate()).orElseThrow();
    JavaName triggerClass = names.event(source.name(), trigger.name());
    JavaName handler = names.policyHandler(aggregate.name(), policy.name());
    FlowSite site = new FlowSite(policy, aggregate, Optional.of(trigger));
    FlowData flow =
        flows.of(
            site,
            triggerClass,
            tests.of(aggregate, policy.tests(), trigger.fields(), source, policy.rules(), true));
    return new PolicyData(
        policy.name(),
        handler.simpleName(),
        handler.qualified() + "::handleRequest",
        AwsNames.policyFunctionId(policy.name()),
        AwsNames.policyRuleId(policy.name()),
        AwsNames.policyDeadLetterQueueId(policy.name()),
        AwsNames.policyQueueId(policy.name()),
        AwsNames.policyQueueMappingId(policy.name()),
        AwsNames.policyQueuePolicyId(policy.name()),
        AwsNames.eventSource(
            app.name().value(), source.subdomain().map(Located::value).orElse(""), source.name()),
        trigger.name(),
        source.name(),
        triggerClass.qualified(),
        flow,
        "policy " + aggregate.name() + "." + policy.name(),
        names.aggregateType(source.name()).qualified(),
        "",
        "",
        List.of(),
        List.of(),
        flow.tests().isEmpty() || flow.custom().enabled() ? "" : flow.tests().get(0).when());
  }
}
