<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.basePackage};

<#list project.aggregates as a>
import ${a.javaPackage}.${a.aggregateClass};
</#list>
import ${project.runtimePackage}.EventUpcaster;
import ${project.runtimePackage}.RepublishHandler;
import java.util.List;

/**
 * The republish function of template.yaml: the runtime's {@link RepublishHandler} with the model's
 * aggregates, so that events sent again go on the bus in the shape this model writes, as the
 * publisher sends them. Lambda creates it with the constructor below.
 */
public final class EventRepublisher extends RepublishHandler {

  public EventRepublisher() {
    super(EventUpcaster.of(List.of(<#list project.aggregates as a>${a.aggregateClass}.TYPE<#sep>, </#sep></#list>)));
  }
}
