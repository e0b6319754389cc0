<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.basePackage};

<#list project.aggregates as a>
import ${a.javaPackage}.${a.aggregateClass};
</#list>
import ${project.runtimePackage}.EventUpcaster;
import ${project.runtimePackage}.PublisherHandler;
import java.util.List;

/**
 * The publisher function of template.yaml: the runtime's {@link PublisherHandler} with the model's
 * aggregates, so that every event goes on the bus in the shape this model writes, whichever version
 * of the model stored it. Lambda creates it with the constructor below.
 */
public final class EventPublisher extends PublisherHandler {

  public EventPublisher() {
    super(EventUpcaster.of(List.of(<#list project.aggregates as a>${a.aggregateClass}.TYPE<#sep>, </#sep></#list>)));
  }
}
