<#import "/lib/macros.ftl" as m>
<@m.header element=policy.element/>
package ${aggregate.javaPackage};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
<#if policy.triggerQualifiedClass?keep_before_last(".") != aggregate.javaPackage>
<#list [policy.triggerQualifiedClass, policy.triggerAggregateClass]?sort as c>
import ${c};
</#list>
</#if>
import com.fasterxml.jackson.databind.JsonNode;
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
import ${project.runtimePackage}.Metadata;
import ${project.runtimePackage}.PolicyDeliveries;
import ${project.runtimePackage}.StoredEvent;

/**
 * The Lambda function of the policy ${policy.name}: the event bus sends each
 * ${policy.triggerType} of ${policy.triggerAggregate} to the policy's queue, which delivers it
 * here, and the policy's flow runs on the ${aggregate.name} it names. A failed delivery (a broken
 * rule, {@code NOT_FOUND}, {@code CONFLICT}) is answered as failed, so that the queue delivers it
 * again and then moves it to the policy's dead-letter queue; the events behind it are not held
 * up.
 */
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

  /** The handler the Lambda runtime creates. */
  public ${policy.handlerClass}() {
    this(Production.RUNNER, CustomContext.fromEnvironment());
  }

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
  public void handleRequest(InputStream input, OutputStream output, Context context) {
    PolicyDeliveries.handle(input, output, this::run);
  }

  /** Runs the policy on one event as the bus sends it; a failure is thrown. */
  private JsonNode run(JsonNode busEvent) {
    // Upcast: a delivery sent before the latest deployment may carry an older shape.
    StoredEvent trigger =
        ${policy.triggerAggregateClass?keep_after_last(".")}.TYPE.upcast(
            StoredEvent.fromJson(busEvent.path("detail")));
    ${policy.flow.inputClass} event = ${policy.flow.inputClass}.fromJson(trigger.payload());
    Caller user = new Caller(trigger.user(), List.of());
    // A redelivered event gets the first run's result instead of running twice.
    String id = ${javaString(policy.name + ":")} + trigger.streamId() + ":" + trigger.version();
    CommandId commandId =
        CommandId.of(id, user.name(), ${javaString(policy.name)}, trigger.payload());
    Metadata metadata = new Metadata(commandId, trigger.correlationId(), user, clock.instant());
    CommandResult result =
        runner.run(
            ${policy.flow.javaClass}.key(event, user, metadata.now()),
            ${policy.flow.creates?c},
            metadata,
            state -> ${policy.flow.javaClass}.decide(<#if policy.flow.usesKey>${policy.flow.javaClass}.key(event, user, metadata.now()), </#if>event, state, user, metadata.now()<#if policy.flow.custom.enabled>, ${policy.flow.custom.interfaceClass?uncap_first}</#if>));
    return result.toJson();
  }
}
