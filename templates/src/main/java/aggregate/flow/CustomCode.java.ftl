<#import "/lib/macros.ftl" as m>
<@m.stubHeader element=(command!policy).element/>
package ${aggregate.javaPackage};

<@m.imports flow.custom.codeImports/>

/** The hand-written part of <#if command??>the command ${command.name}<#else>the policy ${policy.name}</#if>. */
final class ${flow.custom.codeClass} implements ${flow.custom.interfaceClass} {

  private final CustomContext context;

  /**
   * Created once per function instance, with the function's settings, clock, logger and AWS
   * clients; a test passes {@code CustomContext.of(settings, clock)}.
   */
  ${flow.custom.codeClass}(CustomContext context) {
    this.context = context;
  }

  @Override
  public List<${aggregate.eventInterface}> decide(
      ${flow.inputClass} ${flow.inputVariable},
      ${aggregate.stateClass} state,
      Caller user,
      Instant now,
      List<${aggregate.eventInterface}> events) {
    // Check more or change the events: the model's rules already passed. This may run more than
    // once for one <#if command??>command<#else>event</#if> (see the interface): read other systems here, never write to them.
    return events;
  }
}
