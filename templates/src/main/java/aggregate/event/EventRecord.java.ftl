<#import "/lib/macros.ftl" as m>
<@m.header element=event.element/>
package ${aggregate.javaPackage};

<@m.imports event.imports/>

<@m.doc text=event.description/>
<@m.record event.javaClass event.fields aggregate.eventInterface/>

<@m.jsonCodec event.javaClass event.fields/>
}
