<#import "/lib/macros.ftl" as m>
<@m.header element=event.element/>
package ${aggregate.javaPackage};

<@m.imports event.versionsImports/>

/**
 * How ${event.name} events stored by older versions of the model read as version ${event.version},
 * the one this model writes: a record per older version, and a step from each version to the
 * next, the model's {@code upcast}. Stored events are never rewritten: every read upcasts them
 * ({@link ${aggregate.aggregateClass}#upcast}).
 */
public final class ${event.versionsClass} {

  private ${event.versionsClass}() {}

  /** A payload stored with {@code version}, as this model reads it. */
  public static ${event.javaClass} read(int version, JsonNode payload) {
    return switch (version) {
<#list event.versions as v>
      case ${v.version} -> ${v.read};
</#list>
      case ${event.version} -> ${event.javaClass}.fromJson(payload);
      default -> throw new IllegalArgumentException(${javaString(event.name + " has no version ")} + version);
    };
  }

  /** A payload stored with an older {@code version}, as version ${event.version} writes it. */
  static ObjectNode upcast(int version, ObjectNode payload) {
    return ${event.javaClass}.toJson(read(version, payload));
  }
<#list event.versions as v>

  /** Version ${v.version} to ${v.version + 1}. */
  static ${v.nextClass} ${v.step}(${v.recordClass} old) {
<#if v.nextArguments?has_content>
    return new ${v.nextClass}(
<@m.arguments v.nextArguments/>
<#else>
    return new ${v.nextClass}();
</#if>
  }
<#list v.conversions as c>

  /** {@code ${c.path}} of version ${v.version} as version ${v.version + 1} holds it. */
  private static ${c.newClass} ${c.method}(${c.oldClass} old) {
    if (old == null) {
      return null;
    }
    return new ${c.newClass}(
<@m.arguments c.arguments/>
  }
</#list>
</#list>
<#list event.versions as v>

  /** ${event.name} as version ${v.version} of the model stored it. */
<#if v.fields?has_content>
  record ${v.recordClass}(
<#list v.fields as f>
      ${f.javaType} ${f.member}<#if f?has_next>,<#else>) {</#if>
</#list>
<#else>
  record ${v.recordClass}() {
</#if>

    static ${v.recordClass} fromJson(JsonNode json) {
<#if v.fields?has_content>
      return new ${v.recordClass}(
<@m.arguments v.fields?map(f -> f.readJson) "          "/>
<#else>
      return new ${v.recordClass}();
</#if>
    }
  }
</#list>
}
