<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import ${project.runtimePackage}.AppSyncRequest;
import ${project.runtimePackage}.AppSyncRequest.AuthType;
<#if aggregate.commands?filter(c -> c.check.present())?has_content>
import ${project.runtimePackage}.CommandError;
</#if>
import ${project.runtimePackage}.CommandResult;
import ${project.runtimePackage}.CommandRunner;
import ${project.runtimePackage}.CustomContext;
import ${project.runtimePackage}.DynamoDbEventStore;
import ${project.runtimePackage}.EventStore;
import ${project.runtimePackage}.Existence;
import ${project.runtimePackage}.Input;
import ${project.runtimePackage}.Metadata;
import ${project.runtimePackage}.Priming;
import ${project.runtimePackage}.Responses;

/**
 * The Lambda function behind the mutations of the ${aggregate.name} aggregate: AppSync invokes it with the
 * mutation's arguments and the caller's identity; it answers with the command's result or its
 * error as plain JSON, and logs and counts each command (Tracepaper's docs/operations.md).
 */
<#-- Priming runs the handler's example case unless hand-written code takes part in it. -->
<#assign primers = []>
<#list aggregate.handlerExamples as example>
<#assign primed = aggregate.commands?filter(c -> c.operation == example.mutation)?first>
<#if !primed.flow.custom.enabled><#assign primers = [example]></#if>
</#list>
public final class ${aggregate.handlerClass} implements RequestStreamHandler {

  /** Built on first use by the Lambda runtime, so that SnapStart snapshots it ready to go. */
  private static final class Production {
    static final CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> RUNNER =
        new CommandRunner<>(DynamoDbEventStore.fromEnvironment(), ${aggregate.aggregateClass}.TYPE);
  }

  private final CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> runner;
  private final Clock clock;
<#list aggregate.commands as c>
<#if c.flow.custom.enabled>
  private final ${c.flow.custom.interfaceClass} ${c.flow.custom.interfaceClass?uncap_first};
</#if>
</#list>

  /** The handler the Lambda runtime creates, primed before the SnapStart snapshot. */
  public ${aggregate.handlerClass}() {
    this(Production.RUNNER, CustomContext.fromEnvironment());
    Priming.beforeSnapshot(${aggregate.handlerClass}.class, ${aggregate.handlerClass}::prime);
  }

<#list primers as example>
<#assign primed = aggregate.commands?filter(c -> c.operation == example.mutation)?first>
  /**
   * Runs ${primed.name} with the input of a case of the model through a handler of its own, on an
   * event store that answers from memory ({@link Priming}): the snapshot then holds the classes a
   * command loads, and no table is read or written. Answers the handler's answer.
   */
  static String prime() {
    return Priming.invoke(
        new ${aggregate.handlerClass}(Priming.eventStore(), CustomContext.fromEnvironment()),
        Priming.mutation(
            ${javaString(example.mutation)},
            ${javaString(example.input)},
            AuthType.${primed.authTypes[0]},
            List.of(<#list example.roles as r>${javaString(r)}<#sep>, </#sep></#list>)));
  }
<#else>
  /**
   * Loads an instance from an event store that answers from memory ({@link Priming}), so that the
   * snapshot holds the store's classes; no case of the model starts an instance without
   * hand-written code, which priming does not run. Answers the version loaded.
   */
  static String prime() {
    return Long.toString(
        Priming.eventStore().load(${aggregate.aggregateClass}.TYPE, "priming").version());
  }
</#list>

  /** A handler on another event store and clock (tests, tools). */
  public ${aggregate.handlerClass}(EventStore store, Clock clock) {
    this(store, CustomContext.fromEnvironment().withClock(clock));
  }

  /**
   * A handler on another event store, with the clock, settings and AWS clients of {@code context}
   * (tests of hand-written code: fixed settings, fake clients).
   */
  public ${aggregate.handlerClass}(EventStore store, CustomContext context) {
    this(new CommandRunner<>(store, ${aggregate.aggregateClass}.TYPE), context);
  }

  private ${aggregate.handlerClass}(
      CommandRunner<${aggregate.stateClass}, ${aggregate.eventInterface}> runner, CustomContext context) {
    this.runner = runner;
    this.clock = context.clock();
<#list aggregate.commands as c>
<#if c.flow.custom.enabled>
    this.${c.flow.custom.interfaceClass?uncap_first} = new ${c.flow.custom.codeClass}(context);
</#if>
</#list>
  }

  /**
   * Answers the mutation; a failure that is not the command's (a bug, AWS failing) is logged and
   * fails the invocation, which the resolver answers as {@code INTERNAL_ERROR}.
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    Responses.write(input, output, context, ${aggregate.aggregateClass}.TYPE, this::handle);
  }

<#if aggregate.sentByAutomations>
  /**
   * Runs a command sent inside the application, by an automation as its role: the request an
   * automation builds ({@code AppSyncRequest.internal}) is checked, validated and idempotent as a
   * mutation's is. A refusal is thrown as the {@code CommandError} a client would get.
   */
  public CommandResult send(AppSyncRequest request) {
    return handle(request);
  }

</#if>
  private CommandResult handle(AppSyncRequest request) {
    Metadata metadata = request.metadata(clock);
    Input input = Input.of(request.input());
    return switch (request.operation()) {
<#list aggregate.commands as c>
      case ${javaString(c.operation)} -> ${c.method}(request, input, metadata);
</#list>
      default ->
          throw new IllegalArgumentException("no mutation of ${aggregate.name} is called " + request.operation());
    };
  }
<#list aggregate.commands as c>

  private CommandResult ${c.method}(AppSyncRequest request, Input input, Metadata metadata) {
    // AppSync checked the caller against the mutation's directives; checked again here, from the
    // identity AppSync sends, before any input is read.
    request.admit(
        ${javaString(c.name)},
        List.of(<#list c.authTypes as t>AuthType.${t}<#sep>, </#sep></#list>),
        List.of(<#list c.cognitoGroups as g>${javaString(g)}<#sep>, </#sep></#list>));
    ${c.javaClass} command = ${c.javaClass}.fromInput(input, metadata);
<#if c.check.present()>
    // Who may run it depends on the input: decided before the state is loaded, so a caller it
    // refuses learns nothing of the instance, not even whether it exists. A caller admitted by IAM
    // or an API key was admitted by a mode that depends on no data.
    if (request.authType().orElseThrow() == AuthType.AMAZON_COGNITO_USER_POOLS
<#if c.check.roles?has_content>
        && metadata.caller().roles().stream().noneMatch(List.of(<#list c.check.roles as r>${javaString(r)}<#sep>, </#sep></#list>)::contains)
</#if>
        && !command.admits(metadata.caller())) {
      throw CommandError.unauthorized(${javaString(c.name + " does not admit this caller for this input.")});
    }
</#if>
    return runner.run(
        ${c.flow.javaClass}.key(command, metadata.caller(), metadata.now()),
        Existence.${c.flow.existence},
        metadata,
        state -> ${c.flow.javaClass}.decide(<#if c.flow.usesKey>${c.flow.javaClass}.key(command, metadata.caller(), metadata.now()), </#if>command, state, metadata.caller(), metadata.now()<#if c.flow.custom.enabled>, ${c.flow.custom.interfaceClass?uncap_first}</#if>));
  }
</#list>
}
