<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.basePackage};

<#list project.views as v>
import ${v.javaPackage}.${v.projectionClass};
</#list>
import ${project.runtimePackage}.Projection;
import ${project.runtimePackage}.ProjectorHandler;
import java.util.List;

/**
 * The projector function of template.yaml: the runtime's {@link ProjectorHandler} with the model's
 * views. Lambda creates it with the constructor below.
 */
public final class ViewProjector extends ProjectorHandler {

  public ViewProjector() {
    super(projections());
  }

  /** Every view's projection: what the projector and the rebuild run for each stored event. */
  public static List<Projection> projections() {
    return List.of(<#list project.views as v>new ${v.projectionClass}()<#sep>, </#sep></#list>);
  }
}
