<#import "/lib/macros.ftl" as m>
<@m.header element=(command!policy).element/>
package ${aggregate.javaPackage};

<#-- The handlers of a command's `on` that priming delivers an event through. -->
<#assign primed = (command??)?then(command.triggers?filter(t -> t.primingWhen?has_content), [])>
<#if policy?? || primed?has_content>
import static org.junit.jupiter.api.Assertions.assertEquals;

</#if>
<#if policy?? && policy.triggerQualifiedClass?keep_before_last(".") != aggregate.javaPackage>
import ${policy.triggerQualifiedClass};
</#if>
import ${project.runtimePackage}.Json;
<#if policy?? || primed?has_content>
import ${project.runtimePackage}.Priming;
</#if>
import ${project.runtimePackage}.testing.Scenario;
<#if flow.tests?filter(t -> t.at?has_content)?has_content>
import java.time.Instant;
</#if>
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The model's cases of <#if command??>the command ${command.name}<#else>the policy ${policy.name}</#if>, run in memory through its Lambda
 * handler.
 */
class ${flow.testClass} {
<#list flow.tests as test>

  @Test
  @DisplayName(${javaString(test.name)})
  void ${test.method}() {
    var outcome =
        new Scenario<>(${aggregate.aggregateClass}.TYPE)
<#if test.at?has_content>
            .at(Instant.parse(${javaString(test.at)}))
</#if>
            .as(${javaString(test.callerId)}, ${javaString(test.callerName)}, List.of(<#list test.callerRoles as r>${javaString(r)}<#sep>, </#sep></#list>))
<#list test.others as other>
            .givenOther(
                ${javaString(other.key)},
                ${aggregate.stateClass}.fromJson(Json.parse(${javaString(other.state)})))
</#list>
<#if test.givenState?has_content>
            .givenState(
                ${javaString(test.key)},
                ${aggregate.stateClass}.fromJson(Json.parse(${javaString(test.givenState)})))
</#if>
<#if test.givenEvents?filter(e -> e.asStored)?has_content>
            .givenStored(
                ${javaString(test.key)},
                List.of(
<@m.arguments test.givenEvents?map(e -> "Scenario.stored(" + javaString(e.storedType) + ", " + e.version?c + ", " + javaString(e.json) + ")") "                    " "))"/>
<#elseif test.givenEvents?has_content>
            .given(
                ${javaString(test.key)},
                List.of(
<@m.arguments test.givenEvents?map(e -> e.javaClass + ".fromJson(Json.parse(" + javaString(e.json) + "))") "                    " "))"/>
</#if>
<#if command?? && test.trigger?has_content>
<#assign t = command.triggers?filter(p -> p.name == test.trigger)?first>
            .whenEvent(
                ${t.handlerClass}::new,
                ${javaString(t.triggerSource)},
                ${javaString(t.triggerAggregate)},
                ${javaString(t.triggerType)},
                ${javaString(test.when)});
<#elseif command??>
<#if command.authTypes?seq_contains("AMAZON_COGNITO_USER_POOLS")>
            .whenCommand(${aggregate.handlerClass}::new, ${javaString(command.operation)}, ${javaString(test.when)});
<#else>
            .whenCommand(${aggregate.handlerClass}::new, ${javaString(command.operation)}, ${javaString(test.when)}, ${javaString(command.authTypes[0])});
</#if>
<#else>
            .whenEvent(
                ${policy.handlerClass}::new,
                ${javaString(policy.triggerSource)},
                ${javaString(policy.triggerAggregate)},
                ${javaString(policy.triggerType)},
                ${javaString(test.when)});
</#if>
<#if test.expectedError?has_content>
<#if test.expectedMessage?has_content>
    outcome.thenError(${javaString(test.expectedError)}, ${javaString(test.expectedMessage)});
<#else>
    outcome.thenError(${javaString(test.expectedError)});
</#if>
</#if>
<#if test.expectsEvents>
<#if test.expectedEvents?has_content>
    outcome.thenEvents(
<@m.arguments test.expectedEvents?map(e -> "Scenario.event(" + javaString(e.type) + ", " + javaString(e.json) + ")")/>
<#else>
    outcome.thenEvents();
</#if>
</#if>
<#if test.expectedState?has_content>
    outcome.thenState(${javaString(test.expectedState)});
</#if>
<#if test.expectedDeletion == "true">
    outcome.thenDeleted();
<#elseif test.expectedDeletion == "false">
    outcome.thenNotDeleted();
</#if>
  }
</#list>
<#if policy??>

  /**
   * Priming (before the SnapStart snapshot) delivers the first case's trigger through the handler's
   * code on an event store that answers from memory: the instance is loaded there, not in a table.
   */
  @Test
  void primingDeliversATriggerOnAStoreThatAnswersFromMemory() {
    int before = Priming.operations().size();

    ${policy.handlerClass}.prime();

    assertEquals("Query", Priming.operations().get(before));
  }
</#if>
<#list primed as t>

  /**
   * Priming the handler of ${t.triggerAggregate}.${t.triggerType} delivers the event of the first
   * case with that {@code on} through the handler's code, on an event store that answers from
   * memory.
   */
  @Test
  void primingDelivers${t.name}() {
    int before = Priming.operations().size();

    ${t.handlerClass}.prime();

    assertEquals("Query", Priming.operations().get(before));
  }
</#list>
}
