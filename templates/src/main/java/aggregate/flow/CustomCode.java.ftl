<#import "/lib/macros.ftl" as m>
<@m.stubHeader element=(command!policy).element/>
package ${aggregate.javaPackage};

<@m.imports flow.custom.imports/>

/** The hand-written part of <#if command??>the command ${command.name}<#else>the policy ${policy.name}</#if>. */
final class ${flow.custom.codeClass} implements ${flow.custom.interfaceClass} {

  @Override
  public List<${aggregate.eventInterface}> decide(
      ${flow.inputClass} ${flow.inputVariable},
      ${aggregate.stateClass} state,
      Caller user,
      Instant now,
      List<${aggregate.eventInterface}> events) {
    // Check more, call another system, or change the events: the model's rules already passed.
    return events;
  }
}
