<#import "/lib/macros.ftl" as m>
<@m.header element=aggregate.element/>
package ${aggregate.javaPackage};

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ${project.runtimePackage}.AggregateType;
import ${project.runtimePackage}.EventVersions;
import ${project.runtimePackage}.StoredEvent;
<#if aggregate.unique?has_content>
import ${project.runtimePackage}.UniqueConstraint;
</#if>
import ${project.runtimePackage}.UnreadableEventException;
<#if aggregate.unique?has_content>
import java.util.List;
</#if>

/**
 * What the runtime needs to know of the ${aggregate.name} aggregate: its events, its state and
 * their JSON.
 */
public final class ${aggregate.aggregateClass}
    implements AggregateType<${aggregate.stateClass}, ${aggregate.eventInterface}> {

  public static final ${aggregate.aggregateClass} TYPE = new ${aggregate.aggregateClass}();
<#list aggregate.unique as u>

  private static final UniqueConstraint ${u.constant} =
      new UniqueConstraint(${javaString(u.name)}, ${javaString(u.code)}, ${javaString(u.message)});
</#list>

  private ${aggregate.aggregateClass}() {}

  @Override
  public String name() {
    return ${javaString(aggregate.name)};
  }

  @Override
  public String source() {
    return ${javaString(aggregate.source)};
  }

  @Override
  public ${aggregate.stateClass} empty() {
    return ${aggregate.stateClass}.EMPTY;
  }

  @Override
  public ${aggregate.stateClass} apply(${aggregate.stateClass} state, ${aggregate.eventInterface} event) {
    return state.apply(event);
  }

  @Override
  public boolean endsInstance(${aggregate.eventInterface} event) {
<#assign ending = aggregate.events?filter(e -> e.endsInstance)>
<#if ending?has_content>
    return <#list ending as e>event instanceof ${e.javaClass}<#sep> || </#sep></#list>;
<#else>
    return false;
</#if>
  }

  @Override
  public String eventType(${aggregate.eventInterface} event) {
    return switch (event) {
<#list aggregate.events as e>
      case ${e.javaClass} ${e.variable} -> ${javaString(e.name)};
</#list>
    };
  }

  @Override
  public int schemaVersion(${aggregate.eventInterface} event) {
<#if aggregate.events?filter(e -> e.version != 1)?has_content>
    return switch (event) {
<#list aggregate.events as e>
      case ${e.javaClass} ${e.variable} -> ${e.version?c};
</#list>
    };
<#else>
    return 1;
</#if>
  }

  /** Events as any version of the model stored them, read as this one writes them. */
  @Override
  public StoredEvent upcast(StoredEvent stored) {
    return switch (stored.type()) {
<#list aggregate.events as e>
<#if e.versions?has_content>
      case <#list e.storedNames as n>${javaString(n)}<#sep>, </#sep></#list> -> EventVersions.upcast(stored, ${javaString(e.name)}, ${e.version?c}, ${e.versionsClass}::upcast);
<#else>
      case <#list e.storedNames as n>${javaString(n)}<#sep>, </#sep></#list> -> EventVersions.upcast(stored, ${javaString(e.name)}, ${e.version?c});
</#if>
</#list>
      default -> throw UnreadableEventException.unknownType(stored);
    };
  }

  @Override
  public ObjectNode eventToJson(${aggregate.eventInterface} event) {
    return switch (event) {
<#list aggregate.events as e>
      case ${e.javaClass} ${e.variable} -> ${e.javaClass}.toJson(${e.variable});
</#list>
    };
  }

  @Override
  public ${aggregate.eventInterface} eventFromJson(String type, JsonNode payload) {
    return switch (type) {
<#list aggregate.events as e>
      case ${javaString(e.name)} -> ${e.javaClass}.fromJson(payload);
</#list>
      default -> throw new IllegalArgumentException("no event of ${aggregate.name} is called " + type);
    };
  }

  @Override
  public ObjectNode stateToJson(${aggregate.stateClass} state) {
    return ${aggregate.stateClass}.toJson(state);
  }

  @Override
  public ${aggregate.stateClass} stateFromJson(JsonNode json) {
    return ${aggregate.stateClass}.fromJson(json);
  }
<#if aggregate.streamsState>

  /** A view is kept {@code from} this aggregate: each stored event carries the state after it. */
  @Override
  public boolean streamsState() {
    return true;
  }
</#if>

  /**
   * The hash of this model's state fields and apply rules: a snapshot or stored state that carries
   * another is not read, and the state is folded again from the events.
   */
  @Override
  public String stateFingerprint() {
    return ${javaString(aggregate.stateFingerprint)};
  }

  @Override
  public int snapshotEvery() {
    return ${aggregate.snapshotEvery?c};
  }

  @Override
  public int retentionDays() {
    return ${aggregate.retentionDays?c};
  }
<#if aggregate.unique?has_content>

  /**
   * The values no two ${aggregate.name} instances share, claimed in the event store with the events
   * that set them; a value not given claims nothing.
   */
  @Override
  public List<UniqueConstraint.Claim> claims(${aggregate.stateClass} state) {
    return UniqueConstraint.claims(
<#list aggregate.unique as u>
        ${u.constant}.claim(<#list u.values as v>${v}<#sep>, </#sep></#list>)<#sep>,</#sep><#if !u?has_next>);</#if>
</#list>
  }
</#if>
}
