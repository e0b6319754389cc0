package dev.tracepaper.render.build;

import dev.tracepaper.expr.CheckedExpressions;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.App;
import dev.tracepaper.model.Assignment;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.JavaName;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.render.data.FlowData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The events of a command's {@code on}: each gets a policy's Lambda function, queue and rule, whose
 * handler builds the command's input from the event (each field mapped in {@code on}, filled by the
 * system, copied from the event's field of the same name, or its default) and runs the command's
 * own flow with it.
 */
final class TriggerCode {

  /** What every handler imports (PolicyHandler.java.ftl), besides the trigger's classes. */
  private static final Set<String> HANDLER_IMPORTS =
      Set.of(
          "com.amazonaws.services.lambda.runtime.Context",
          "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
          "com.fasterxml.jackson.databind.JsonNode",
          "java.io.IOException",
          "java.io.InputStream",
          "java.io.OutputStream",
          "java.time.Clock",
          "java.util.List");

  /** The runtime's classes every handler imports. */
  private static final List<String> RUNTIME_IMPORTS =
      List.of(
          "Caller",
          "CommandId",
          "CommandResult",
          "CommandRunner",
          "CustomContext",
          "DynamoDbEventStore",
          "EventStore",
          "Existence",
          "Metadata",
          "Policies",
          "Priming",
          "StoredEvent");

  private final ModelIndex index;
  private final App app;
  private final JavaNames names;
  private final TypeMapping types;
  private final InputCode inputs;
  private final CheckedExpressions checked;

  TriggerCode(
      ModelIndex index,
      App app,
      JavaNames names,
      TypeMapping types,
      InputCode inputs,
      CheckedExpressions checked) {
    this.index = index;
    this.app = app;
    this.names = names;
    this.types = types;
    this.inputs = inputs;
    this.checked = checked;
  }

  /** What a case with {@code on} is run with, by the qualified name of its event. */
  Map<String, TestCode.TriggerInput> testInputs(Command command) {
    Map<String, TestCode.TriggerInput> byEvent = new LinkedHashMap<>();
    for (Trigger trigger : command.triggers()) {
      index
          .event(trigger.on())
          .ifPresent(
              e ->
                  byEvent.put(
                      e.aggregate() + "." + e.name(),
                      new TestCode.TriggerInput(
                          command.triggerName(trigger),
                          e.fields(),
                          index.aggregate(e.aggregate()).orElseThrow())));
    }
    return byEvent;
  }

  /** The handler of one event of {@code command}'s {@code on}, running {@code flow}. */
  PolicyData of(
      Aggregate aggregate,
      Command command,
      Trigger trigger,
      JavaName commandClass,
      boolean checks,
      FlowData flow) {
    Event event = index.event(trigger.on()).orElseThrow();
    Aggregate source = index.aggregate(event.aggregate()).orElseThrow();
    JavaName eventClass = names.event(source.name(), event.name());
    String name = command.triggerName(trigger);
    JavaName handler = names.policyHandler(aggregate.name(), name);
    Optional<Aggregate> owner = Optional.of(aggregate);
    Set<String> imports = new TreeSet<>();
    ExpressionCode expressions =
        new ExpressionCode(checked, types, names.runtimePackage(), Map.of(), imports);
    List<String> arguments = new ArrayList<>();
    boolean[] reads = new boolean[3];
    for (Field field : command.fields()) {
      Optional<Assignment.SetValue> mapping =
          trigger.mappings().stream().filter(m -> m.field().equals(field.name())).findFirst();
      if (field.constraints().autoFill().isPresent()) {
        arguments.add(
            InputCode.autoFilled(
                field.constraints().autoFill().map(Located::value).orElseThrow(),
                field.type(),
                imports));
      } else if (mapping.isPresent()) {
        arguments.add(expressions.into(mapping.get().value(), field.type(), owner));
        String[] roots = {"user", "now", "today"};
        for (int i = 0; i < roots.length; i++) {
          reads[i] |= expressions.reads(mapping.get().value(), roots[i]);
        }
      } else if (event.field(field.name()).isPresent()) {
        arguments.add("event." + JavaNames.member(field.name()) + "()");
      } else if (field.constraints().defaultValue().isPresent()) {
        arguments.add(inputs.defaultValue(field, owner, imports));
      } else {
        // InvalidTrigger lets only an optional field go without a value: it is absent.
        arguments.add(field.type().list() ? "List.of()" : "null");
      }
    }
    List<String> locals = new ArrayList<>();
    if (reads[0]) {
      locals.add("Caller user = metadata.caller();");
    }
    if (reads[1]) {
      imports.add("java.time.Instant");
      locals.add("Instant now = metadata.now();");
    }
    if (reads[2]) {
      imports.add("java.time.LocalDate");
      locals.add("LocalDate today = metadata.today();");
    }
    imports.addAll(HANDLER_IMPORTS);
    for (String runtime : RUNTIME_IMPORTS) {
      imports.add(names.runtimePackage() + "." + runtime);
    }
    imports.add(eventClass.qualified());
    imports.add(names.aggregateType(source.name()).qualified());
    String input = input(commandClass.simpleName(), arguments, checks);
    String primingWhen =
        flow.custom().enabled()
            ? ""
            : flow.tests().stream()
                .filter(t -> t.trigger().equals(name))
                .map(TestData::when)
                .findFirst()
                .orElse("");
    return new PolicyData(
        name,
        handler.simpleName(),
        handler.qualified() + "::handleRequest",
        AwsNames.policyFunctionId(name),
        AwsNames.policyRuleId(name),
        AwsNames.policyDeadLetterQueueId(name),
        AwsNames.policyQueueId(name),
        AwsNames.policyQueueMappingId(name),
        AwsNames.policyQueuePolicyId(name),
        AwsNames.eventSource(
            app.name().value(), source.subdomain().map(Located::value).orElse(""), source.name()),
        event.name(),
        source.name(),
        eventClass.qualified(),
        flow,
        "command " + aggregate.name() + "." + command.name(),
        names.aggregateType(source.name()).qualified(),
        command.name(),
        input,
        locals,
        List.copyOf(
            ProjectDataBuilder.withoutOwnPackage(
                imports, names.aggregatePackage(aggregate.name()))),
        primingWhen);
  }

  /**
   * The input the handler's {@code input} method returns, laid out after {@code return} at four
   * spaces: {@code new CreateWorkspace(…)}, or wrapped in {@code checked(…)} when the command's
   * fields carry constraints.
   */
  private static String input(String commandClass, List<String> arguments, boolean checks) {
    String construction = "new " + commandClass;
    String flat = construction + "(" + String.join(", ", arguments) + ")";
    if (checks) {
      flat = commandClass + ".checked(" + flat + ")";
    }
    if ("    return ".length() + flat.length() + ";".length() <= JavaLayout.WIDTH) {
      return flat;
    }
    if (!checks) {
      return construction + "(\n        " + String.join(",\n        ", arguments) + ")";
    }
    return commandClass
        + ".checked(\n        "
        + JavaLayout.call(construction, arguments, 8, "));")
        + ")";
  }
}
