<#import "/lib/resolvers.ftl" as r>
<@r.readGeneration "blue"/>
