<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

/** An event of the ${aggregate.name} aggregate: something that happened, stored for good. */
public sealed interface ${aggregate.eventInterface}
    permits <#list aggregate.events as e>${e.javaClass}<#sep>, </#sep></#list> {}
