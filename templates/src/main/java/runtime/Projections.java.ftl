<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import java.util.List;
<#list project.views as v>
import ${v.javaPackage}.${v.projectionClass};
</#list>

/** Every view's projection: what the projector runs for each stored event. */
public final class Projections {

  private Projections() {}

  public static List<Projection> all() {
    return List.of(<#list project.views as v>new ${v.projectionClass}()<#sep>, </#sep></#list>);
  }
}
