<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.basePackage};

import ${project.runtimePackage}.RebuildHandler;

/**
 * The rebuild function of template.yaml: the runtime's {@link RebuildHandler} with the model's
 * views. Lambda creates it with the constructor below.
 */
public final class ViewRebuilder extends RebuildHandler {

  public ViewRebuilder() {
    super(ViewProjector.projections());
  }
}
