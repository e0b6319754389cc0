<#import "/lib/macros.ftl" as m>
<@m.header element=(command!policy).element/>
package ${aggregate.javaPackage};

<@m.imports flow.imports/>

/**
 * What <#if command??>the command ${command.name}<#else>the policy ${policy.name}</#if> does: its {@code let} values, then its rules, then the
 * events it records.
<#if flow.description?has_content>
 *
 * <p>${javadoc(flow.description)}
</#if>
 */
final class ${flow.javaClass} {

  private ${flow.javaClass}() {}

  /** The key of the ${aggregate.name} it acts on. */
  static String key(${flow.inputClass} ${flow.inputVariable}, Caller user, Instant now) {
<#if flow.keyUsesToday>
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
</#if>
    return ${flow.key};
  }

<#if flow.custom.enabled>
  /**
   * The events to record, in order; a broken rule throws its {@code CommandError}. {@code custom}
   * is the hand-written part ({@code custom: true}), which sees the events last.
   */
<#else>
<#if flow.conditionalEmits>
  /**
   * The events to record, in order, each with an {@code if} only when its condition holds (none
   * may hold: then nothing is recorded); a broken rule throws its {@code CommandError}.
   */
<#else>
  /** The events to record, in order; a broken rule throws its {@code CommandError}. */
</#if>
</#if>
  static List<${aggregate.eventInterface}> decide(
      <#if flow.usesKey>String key, </#if>${flow.inputClass} ${flow.inputVariable}, ${aggregate.stateClass} state, Caller user, Instant now<#if flow.custom.enabled>, ${flow.custom.interfaceClass} custom</#if>) {
<#if flow.usesToday>
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
</#if>
<#list flow.lets as let>
    ${let.javaType} ${let.name} = ${let.value};
</#list>
<#list flow.rules as rule>
    if (!(${rule.condition})) {
      throw CommandError.rule(${javaString(rule.code)}, ${javaString(rule.message)});
    }
</#list>
<#if flow.conditionalEmits>
    List<${aggregate.eventInterface}> events = new ArrayList<>();
<#list flow.emits as e>
<#if e.condition?has_content>
    if (${e.condition}) {
      ${e.addition}
    }
<#else>
    ${e.addition}
</#if>
</#list>
<#if flow.custom.enabled>
    return custom.decide(${flow.inputVariable}, state, user, now, List.copyOf(events));
<#else>
    return events;
</#if>
<#elseif flow.custom.enabled>
<#if flow.emits?has_content>
    List<${aggregate.eventInterface}> events = List.of(
<@m.arguments flow.emits?map(e -> e.construction)/>
    return custom.decide(${flow.inputVariable}, state, user, now, events);
<#else>
    // The model records no event here; the hand-written part may add some.
    return custom.decide(${flow.inputVariable}, state, user, now, List.of());
</#if>
<#elseif flow.emits?has_content>
    return List.of(
<@m.arguments flow.emits?map(e -> e.construction)/>
<#else>
    // The model records no event: <#if command??>the command<#else>the policy</#if> only checks its rules.
    return List.of();
</#if>
  }
}
