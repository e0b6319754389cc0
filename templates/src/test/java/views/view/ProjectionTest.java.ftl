<#import "/lib/macros.ftl" as m>
<@m.header element=view.element/>
package ${view.javaPackage};

<@m.imports view.testImports/>
import ${project.runtimePackage}.Json;
<#if view.cases?has_content>
import ${project.runtimePackage}.testing.ProjectionCheck;
</#if>
<#if view.tests?has_content>
import ${project.runtimePackage}.testing.ViewScenario;
</#if>
<#if view.cases?has_content>
import java.util.List;
import java.util.Set;
</#if>
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
<#if view.tests?has_content>
 * The view ${view.name}'s own cases: given events, then exactly the rows it holds.
</#if>
<#if view.cases?has_content>
<#if view.tests?has_content>
 * And the view fed the past events of the model's other cases: each history projects rows,
<#else>
 * The view ${view.name} fed the past events of the model's cases: each history projects rows,
</#if>
 * and the same rows again when it is delivered twice or older events come after newer ones<#if view.from?has_content>,
 * or when its events carry no state and the projector folds them again</#if>.
</#if>
 */
class ${view.projectionClass}Test {
<#list view.tests as t>

  @Test
  @DisplayName(${javaString(t.name)})
  void ${t.method}() {
    ViewScenario.of(new ${view.projectionClass}())
<#list t.given as g>
        .given(
            ${g.aggregateClass}.TYPE,
            ${javaString(g.key)},
            ${g.aggregateClass}.TYPE.eventFromJson(${javaString(g.type)}, Json.parse(${javaString(g.json)})))
</#list>
<#if t.rows?has_content>
        .thenRows(
<@m.arguments t.rows?map(r -> "Json.parse(" + javaString(r) + ")") "            "/>
<#else>
        .thenRows();
</#if>
  }
</#list>
<#list view.cases as c>

  @Test
  @DisplayName(${javaString("the events before \"" + c.name + "\" (" + c.flow + ")")})
  void ${c.method}() {
    ProjectionCheck.check(
        new ${view.projectionClass}(),
        ${c.aggregateClass}.TYPE,
        ${javaString(c.key)},
        List.of(
<@m.arguments c.events?map(e -> c.aggregateClass + ".TYPE.eventFromJson(" + javaString(e.type) + ", Json.parse(" + javaString(e.json) + "))") "            " "),"/>
        ${view.from?has_content?c},
        Set.of(<#list view.computed as f>${javaString(f)}<#sep>, </#sep></#list>));
  }
</#list>
}
