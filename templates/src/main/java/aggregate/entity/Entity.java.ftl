<#import "/lib/macros.ftl" as m>
<@m.header element=entity.element/>
<@m.valueRecord entity/>
