<#import "/lib/macros.ftl" as m>
<@m.header element=query.element/>
package ${query.javaPackage};

<@m.imports query.imports/>

/**
 * The custom query ${query.name} (the model's {@code queries:}), which the field
 * {@code ${query.parentType}.${query.field}} of the API answers.
 * {@link ${query.codeClass}} implements it: Tracepaper created that class once, and regeneration
 * never changes it.
<#if query.description?has_content>
 *
 * <p>${javadoc(query.description)}
</#if>
 */
interface ${query.interfaceClass} {

  /**
   * Answers the query for {@code caller}, who AppSync and the handler admitted by the query's
   * {@code auth}; {@code views} reads the views the model lets it read ({@code reads}). Returns
   * {@code null} when there is nothing to answer: the field is nullable.
   */
  ${query.returnClass} answer(Args args, Caller caller, Views views);

  /** The arguments as the caller sent them; one left out is {@code null}. */
<#if query.args?has_content>
  record Args(
<#list query.args as a>
      ${a.javaType} ${a.member}<#if a?has_next>,<#else>) {</#if>
</#list>
<#else>
  record Args() {
</#if>

    /** Reads the arguments AppSync sends. */
    static Args fromJson(JsonNode json) {
<#if query.args?has_content>
      return new Args(
<#list query.args as a>
          ${a.readJson}<#if a?has_next>,<#else>);</#if>
</#list>
<#else>
      return new Args();
</#if>
    }
  }

  /**
   * The views the query may read, each from the generation (blue or green table) AppSync's
   * resolvers read: never a view while it is being rebuilt. The function may read these views'
   * tables and no other.
   */
  final class Views {
<#if query.reads?has_content>
<#list query.reads as r>
    private static final Projection ${r.constant} = new ${r.projectionClass}();
</#list>

    private final LiveRows rows;

    Views(LiveRows rows) {
      this.rows = rows;
    }
<#list query.reads as r>

    /** The ${r.view} row under {@code key}; empty when there is none. */
    Optional<${r.rowClass}> ${r.method}(String key) {
      return rows.row(${r.constant}, key).map(${r.rowClass}::fromJson);
    }
</#list>
<#else>

    Views() {}
</#if>
  }
}
