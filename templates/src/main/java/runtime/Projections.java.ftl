<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.runtimePackage};

import java.util.List;

/** Every view's projection, for the projector and the rebuild function. */
public final class Projections {

  private Projections() {}

  public static List<Projection> all() {
    return List.of();
  }
}
