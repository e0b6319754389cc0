<#import "/lib/macros.ftl" as m>
<@m.header element=type.element/>
<@m.valueRecord type/>
