<#import "/lib/macros.ftl" as m>
<@m.header element=policy.element/>
package ${aggregate.javaPackage};

<#if policy.runs?has_content>
<#-- An event of a command's `on`: its input names more classes, all listed (sorted) in `imports`. -->
<#assign runtimeImports = policy.imports?filter(c -> c?starts_with(project.runtimePackage + "."))>
<#list policy.imports?filter(c -> !c?starts_with("java.") && !runtimeImports?seq_contains(c)) as c>
import ${c};
</#list>
<#list policy.imports?filter(c -> c?starts_with("java.")) as c>
import ${c};
</#list>
<#list runtimeImports as c>
import ${c};
</#list>
<#else>
<#-- The trigger's classes are imported when they are in another package: sorted with the others. -->
<#assign imports = ["com.amazonaws.services.lambda.runtime.Context", "com.amazonaws.services.lambda.runtime.RequestStreamHandler", "com.fasterxml.jackson.databind.JsonNode"]>
<#if policy.triggerQualifiedClass?keep_before_last(".") != aggregate.javaPackage>
<#assign imports = imports + [policy.triggerQualifiedClass, policy.triggerAggregateClass]>
</#if>
<#list imports?sort as c>
import ${c};
</#list>
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import ${project.runtimePackage}.Caller;
import ${project.runtimePackage}.CommandId;
import ${project.runtimePackage}.CommandResult;
import ${project.runtimePackage}.CommandRunner;
import ${project.runtimePackage}.CustomContext;
import ${project.runtimePackage}.DynamoDbEventStore;
import ${project.runtimePackage}.EventStore;
import ${project.runtimePackage}.Existence;
import ${project.runtimePackage}.Metadata;
import ${project.runtimePackage}.Policies;
import ${project.runtimePackage}.Priming;
import ${project.runtimePackage}.StoredEvent;
</#if>

<#if policy.runs?has_content>
/**
 * Runs the command ${policy.runs} on each ${policy.triggerType} of ${policy.triggerAggregate}.
 *
 * <p>The event bus sends the event to the queue of this function, as the command's {@code on}
 * says; the function gives the command its input from the event and runs the command's flow, as
 * the API would with that input. A failed delivery (a broken rule, {@code NOT_FOUND}, {@code
 * CONFLICT}) is counted, logged and answered as failed ({@link Policies}), so that the queue
 * delivers it again and then moves it to the dead-letter queue; the events behind it are not held
 * up.
 */
<#else>
/**
 * The Lambda function of the policy ${policy.name}: the event bus sends each
 * ${policy.triggerType} of ${policy.triggerAggregate} to the policy's queue, which delivers it
 * here, and the policy's flow runs on the ${aggregate.name} it names. A failed delivery (a broken
 * rule, {@code NOT_FOUND}, {@code CONFLICT}) is counted, logged and answered as failed ({@link
 * Policies}), so that the queue delivers it again and then moves it to the policy's dead-letter
 * queue; the events behind it are not held up.
 */
</#if>
public final class ${policy.handlerClass} implements RequestStreamHandler {

  /** Built on first use by the Lambda runtime, so that SnapStart snapshots it ready to go. */
  private static final class Production {
    static final CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> RUNNER =
        new CommandRunner<>(DynamoDbEventStore.fromEnvironment(), ${aggregate.aggregateClass}.TYPE);
  }

  private final CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> runner;
  private final Clock clock;
<#list [policy] as c>
<#if c.flow.custom.enabled>
  private final ${c.flow.custom.interfaceClass} ${c.flow.custom.interfaceClass?uncap_first};
</#if>
</#list>

  /** The handler the Lambda runtime creates, primed before the SnapStart snapshot. */
  public ${policy.handlerClass}() {
    this(Production.RUNNER, CustomContext.fromEnvironment());
    Priming.beforeSnapshot(${policy.handlerClass}.class, ${policy.handlerClass}::prime);
  }

<#if policy.primingWhen?has_content>
  /**
<#if policy.runs?has_content>
   * Delivers the event of the command's first case with this {@code on} to a handler of its own,
   * on an event store that answers from memory ({@link Priming}): the snapshot then holds the
   * classes a delivery loads, and no table is read or written. Answers the handler's answer, or
   * the code of its failure.
<#else>
   * Delivers the trigger of the policy's first case to a handler of its own, on an event store that
   * answers from memory ({@link Priming}): the snapshot then holds the classes a delivery loads, and
   * no table is read or written. Answers the handler's answer, or the code of its failure.
</#if>
   */
  static String prime() {
    return Priming.invoke(
        new ${policy.handlerClass}(Priming.eventStore(), CustomContext.fromEnvironment()),
        Priming.busEvent(
            ${javaString(policy.triggerSource)},
            ${javaString(policy.triggerAggregate)},
            ${javaString(policy.triggerType)},
            ${javaString(policy.primingWhen)}));
  }
<#else>
  /**
   * Loads an instance from an event store that answers from memory ({@link Priming}), so that the
   * snapshot holds the store's classes; the <#if policy.runs?has_content>event<#else>policy</#if> has no case to deliver<#if policy.flow.custom.enabled>, and priming does not run
   * hand-written code</#if>. Answers the version loaded.
   */
  static String prime() {
    return Long.toString(
        Priming.eventStore().load(${aggregate.aggregateClass}.TYPE, "priming").version());
  }
</#if>

  /** A handler on another event store and clock (tests, tools). */
  public ${policy.handlerClass}(EventStore store, Clock clock) {
    this(store, CustomContext.fromEnvironment().withClock(clock));
  }

  /**
   * A handler on another event store, with the clock, settings and AWS clients of {@code context}
   * (tests of hand-written code: fixed settings, fake clients).
   */
  public ${policy.handlerClass}(EventStore store, CustomContext context) {
    this(new CommandRunner<>(store, ${aggregate.aggregateClass}.TYPE), context);
  }

  private ${policy.handlerClass}(
      CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> runner, CustomContext context) {
    this.runner = runner;
    this.clock = context.clock();
<#list [policy] as c>
<#if c.flow.custom.enabled>
    this.${c.flow.custom.interfaceClass?uncap_first} = new ${c.flow.custom.codeClass}(context);
</#if>
</#list>
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Policies.run(input, output, context, ${aggregate.aggregateClass}.TYPE, ${javaString(policy.name)}, this::handle);
  }

  private CommandResult handle(JsonNode delivery) {
    // Upcast: a delivery sent before the latest deployment may carry an older shape.
    StoredEvent trigger =
        ${policy.triggerAggregateClass?keep_after_last(".")}.TYPE.upcast(
            StoredEvent.fromJson(delivery.path("detail")));
    ${policy.triggerQualifiedClass?keep_after_last(".")} event = ${policy.triggerQualifiedClass?keep_after_last(".")}.fromJson(trigger.payload());
    // The caller of the command that recorded the trigger: events record its id, not its name.
    Caller user = new Caller(trigger.user(), trigger.user(), List.of());
    // A redelivered event gets the first run's result instead of running twice.
    String id = ${javaString(policy.name + ":")} + trigger.streamId() + ":" + trigger.version();
    CommandId commandId =
        CommandId.of(id, user.name(), ${javaString(policy.name)}, trigger.payload());
    Metadata metadata = new Metadata(commandId, trigger.correlationId(), user, clock.instant());
<#if policy.runs?has_content>
    ${policy.flow.inputClass} command = input(event, metadata);
</#if>
    return runner.run(
        ${policy.flow.javaClass}.key(${policy.flow.inputVariable}, user, metadata.now()),
        Existence.${policy.flow.existence},
        metadata,
        state -> ${policy.flow.javaClass}.decide(<#if policy.flow.usesKey>${policy.flow.javaClass}.key(${policy.flow.inputVariable}, user, metadata.now()), </#if>${policy.flow.inputVariable}, state, user, metadata.now()<#if policy.flow.custom.enabled>, ${policy.flow.custom.interfaceClass?uncap_first}</#if>));
  }
<#if policy.runs?has_content>

  /**
   * The input of ${policy.runs} that the event gives: each field as the command's {@code on} maps
   * it, filled by the system, or copied from the event's field of the same name<#if policy.input?starts_with(policy.flow.inputClass + ".checked(")>; a required field
   * left without a value fails with {@code VALIDATION}</#if>.
   */
  static ${policy.flow.inputClass} input(${policy.triggerQualifiedClass?keep_after_last(".")} event, Metadata metadata) {
<#list policy.inputLocals as local>
    ${local}
</#list>
    return ${policy.input};
  }
</#if>
}
