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
   *
   * <p>A decision, not an action: it runs again, with the newer state, when a concurrent <#if command??>command<#else>event</#if> on
   * the same ${aggregate.name} records first, and its events may then never be recorded. Read here
   * (a lookup, a check against another system), never write: a write to another system belongs
   * after the events are recorded, in a custom view that reacts to them (Tracepaper's docs/custom-code.md).
   */
  List<${aggregate.eventInterface}> decide(
      ${flow.inputClass} ${flow.inputVariable},
      ${aggregate.stateClass} state,
      Caller user,
      Instant now,
      List<${aggregate.eventInterface}> events);
}
