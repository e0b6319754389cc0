<#import "/lib/macros.ftl" as m>
<@m.header element=event.element/>
package ${aggregate.javaPackage};

<@m.imports event.imports/>

<@m.doc text=event.description/>
<@m.record event.javaClass event.fields aggregate.eventInterface/>
<#list event.checkConstants as constant>

  ${constant}
</#list>
<#if event.checks?has_content>

  /**
   * The event, once the constraints the model puts on its fields hold: a command or policy
   * records it only then, and otherwise fails with {@code VALIDATION}. Events read back from the
   * store are not checked, so that their history stays readable when a constraint changes.
   */
  static ${event.javaClass} checked(${event.javaClass} event) {
    Input input = Input.of(null);
<#list event.checks as c>
    ${c}
</#list>
    input.throwIfInvalid();
    return event;
  }
</#if>

<@m.jsonCodec event.javaClass event.fields/>
}
