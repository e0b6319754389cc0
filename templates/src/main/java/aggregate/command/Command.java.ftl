<#import "/lib/macros.ftl" as m>
<@m.header element=command.element/>
package ${aggregate.javaPackage};

<@m.imports command.imports/>

/**
 * The input of the command ${command.name} (GraphQL mutation {@code ${(command.namespace + [command.mutation])?join(".")}}).
<#if command.description?has_content>
 *
 * <p>${javadoc(command.description)}
</#if>
 */
<@m.record command.javaClass command.fields/>
<#list command.constants as constant>

  ${constant}
</#list>

<@m.fromInput command.javaClass command.fields command.inputReads command.inputChecks true/>
<#if command.triggerChecks?has_content>

  /**
   * The input, once every required field has a value: an event of the command's {@code on} runs
   * it only then, and otherwise fails with {@code VALIDATION}. The constraints are the API's, on
   * what a caller sends; what is stored stays guarded by the events' own.
   */
  static ${command.javaClass} checked(${command.javaClass} command) {
    Input input = Input.of(null);
<#list command.triggerChecks as c>
    ${c}
</#list>
    input.throwIfInvalid();
    return command;
  }
</#if>
<#if command.check.present()>

  /**
   * Whether the {@code when} of the command's {@code auth} admits {@code user} to run it with this
   * input. The handler asks before the state is loaded.
   */
  public boolean admits(Caller user) {
    return <#list command.check.conditions as condition>${condition}<#sep>
        || </#sep></#list>;
  }
</#if>
}
