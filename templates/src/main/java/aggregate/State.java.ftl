<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

<@m.imports aggregate.stateImports/>

/**
 * The current state of one ${aggregate.name}: what its events have made of it so far.
<#if aggregate.description?has_content>
 *
 * <p>${javadoc(aggregate.description)}
</#if>
 */
<@m.record aggregate.stateClass aggregate.fields/>

  /** The state before the first event. */
  public static final ${aggregate.stateClass} EMPTY =
      new ${aggregate.stateClass}(<#list aggregate.emptyState as v>${v}<#sep>, </#sep></#list>);

  /** The state after {@code event}. */
  public ${aggregate.stateClass} apply(${aggregate.eventInterface} event) {
    return switch (event) {
<#list aggregate.events as e>
      case ${e.javaClass} ${e.variable} -> apply(${e.variable});
</#list>
    };
  }
<#list aggregate.events as e>

  private ${aggregate.stateClass} apply(${e.javaClass} event) {
    return new ${aggregate.stateClass}(
<@m.arguments e.newState/>
  }
</#list>

<@m.jsonCodec aggregate.stateClass aggregate.fields/>
}
