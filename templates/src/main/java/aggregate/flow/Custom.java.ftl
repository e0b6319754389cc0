<#import "/lib/macros.ftl" as m>
<@m.header element=(command!policy).element/>
package ${aggregate.javaPackage};

<@m.imports flow.custom.imports/>

/**
 * The hand-written part of <#if command??>the command ${command.name}<#else>the policy ${policy.name}</#if>, which the model marks
 * {@code custom: true}. {@link ${flow.custom.codeClass}} implements it: Tracepaper created that
 * class once, and regeneration never changes it.
 */
interface ${flow.custom.interfaceClass} {

  /**
   * Runs after the model's rules passed, with the events the model decided; returns the events to
   * record, in order. Throw {@code CommandError.rule(code, message)} to refuse the <#if command??>command<#else>event</#if>.
   */
  List<${aggregate.eventInterface}> decide(
      ${flow.inputClass} ${flow.inputVariable},
      ${aggregate.stateClass} state,
      Caller user,
      Instant now,
      List<${aggregate.eventInterface}> events);
}
