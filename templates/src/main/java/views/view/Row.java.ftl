<#import "/lib/macros.ftl" as m>
<@m.header element=view.element/>
package ${view.javaPackage};

<@m.imports view.imports/>

/**
 * A row of the view ${view.name}, as its table stores it and its GraphQL type shows it.
<#if view.description?has_content>
 *
 * <p>${javadoc(view.description)}
</#if>
 */
<@m.record view.javaClass view.fields/>

  /** A row no event has set a field of yet. */
  public static final ${view.javaClass} EMPTY =
      new ${view.javaClass}(<#list view.emptyRow as v>${v}<#sep>, </#sep></#list>);

<@m.jsonCodec view.javaClass view.fields/>
}
