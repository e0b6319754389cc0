<#import "/lib/macros.ftl" as m>
<@m.header element=view.element/>
package ${view.javaPackage};

<@m.imports view.testImports/>
import ${project.runtimePackage}.Json;
import ${project.runtimePackage}.testing.ProjectionCheck;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The view ${view.name} fed the past events of the model's cases: each history projects rows,
 * and the same rows again when it is delivered twice or older events come after newer ones<#if view.from?has_content>,
 * or when its events carry no state and the projector folds them again</#if>.
 */
class ${view.projectionClass}Test {
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
