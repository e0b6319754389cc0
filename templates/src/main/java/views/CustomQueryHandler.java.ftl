<#import "/lib/macros.ftl" as m>
<@m.header/>
package ${project.queries[0].javaPackage};

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import ${project.runtimePackage}.AppSyncRequest;
import ${project.runtimePackage}.AppSyncRequest.AuthType;
import ${project.runtimePackage}.CustomContext;
import ${project.runtimePackage}.LiveRows;
import ${project.runtimePackage}.QueryResponses;
<#assign returnImports = []>
<#list project.queries as q><#list q.codeImports as i><#if i?starts_with(project.basePackage + ".") && !returnImports?seq_contains(i)><#assign returnImports = returnImports + [i]></#if></#list></#list>
<#list returnImports?sort as i>
import ${i};
</#list>

/**
 * The Lambda function behind the model's custom queries: AppSync invokes it with the query's
 * arguments and the caller's identity; it dispatches on the field, checks the caller again, and
 * answers with what the query's hand-written class returns (null: nothing found) as plain JSON.
 */
public final class CustomQueryHandler implements RequestStreamHandler {

<#if project.queries?filter(q -> q.reads?has_content)?has_content>
  /** Built on first use by the Lambda runtime. */
  private static final class Production {
    static final LiveRows ROWS = LiveRows.fromEnvironment();
  }

</#if>
<#list project.queries as q>
  private final ${q.interfaceClass} ${q.interfaceClass?uncap_first};
  private final ${q.interfaceClass}.Views ${q.interfaceClass?uncap_first}Views;
</#list>

  /** The handler the Lambda runtime creates. */
  public CustomQueryHandler() {
    this(<#if project.queries?filter(q -> q.reads?has_content)?has_content>Production.ROWS<#else>null</#if>, CustomContext.fromEnvironment());
  }

  /**
   * A handler reading {@code rows} (null when no query reads a view), whose hand-written classes
   * get {@code context} (tests).
   */
  public CustomQueryHandler(LiveRows rows, CustomContext context) {
    this(
        rows<#list project.queries as q>,
        new ${q.codeClass}(context)</#list>);
  }

  /** A handler answering with the given implementations (tests of the generated wiring). */
  CustomQueryHandler(
      LiveRows rows<#list project.queries as q>,
      ${q.interfaceClass} ${q.interfaceClass?uncap_first}</#list>) {
<#list project.queries as q>
    this.${q.interfaceClass?uncap_first} = ${q.interfaceClass?uncap_first};
    this.${q.interfaceClass?uncap_first}Views = new ${q.interfaceClass}.Views(<#if q.reads?has_content>rows</#if>);
</#list>
  }

  /**
   * Answers the query; a failure that is not a refusal (a bug, AWS failing) is logged and fails the
   * invocation, which the resolver answers as {@code INTERNAL_ERROR}.
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    QueryResponses.write(input, output, context, this::answer);
  }

  private JsonNode answer(AppSyncRequest request) {
    return switch (request.operation()) {
<#list project.queries as q>
      case ${javaString(q.operation)} -> answer${q.interfaceClass?remove_ending("Query")}(request);
</#list>
      default -> throw new IllegalArgumentException("no custom query is " + request.operation());
    };
  }
<#list project.queries as q>

  /** The custom query ${q.name}: {@code ${q.parentType}.${q.field}}. */
  private JsonNode answer${q.interfaceClass?remove_ending("Query")}(AppSyncRequest request) {
    // AppSync checked the caller against the field's directives; checked again here, from the
    // identity AppSync sends, before any argument is read.
    request.admit(
        ${javaString(q.name)},
        List.of(<#list q.authTypes as t>AuthType.${t}<#sep>, </#sep></#list>),
        List.of(<#list q.cognitoGroups as g>${javaString(g)}<#sep>, </#sep></#list>));
    ${q.returnClass} answer =
        ${q.interfaceClass?uncap_first}.answer(
            ${q.interfaceClass}.Args.fromJson(request.arguments()),
            request.caller(),
            ${q.interfaceClass?uncap_first}Views);
    return answer == null ? null : ${q.returnClass}.toJson(answer);
  }
</#list>
}
