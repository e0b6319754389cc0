<#import "/lib/macros.ftl" as m>
<@m.header element=enum.element/>
package ${enum.qualifiedClass?keep_before_last(".")};

<@m.doc text=enum.description/>
public enum ${enum.javaClass} {
<#list enum.values as v>
  ${v}<#sep>,</#sep>
</#list>
}
