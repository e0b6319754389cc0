<#import "/lib/macros.ftl" as m>
<@m.header element="the scenarios"/>
package ${project.basePackage};

<#assign s = project.scenarios>
<#assign imports = s.imports + [project.runtimePackage + ".testing.ApiScenario", project.runtimePackage + ".testing.ScenarioApi", project.runtimePackage + ".testing.ScenarioCoverage", "java.nio.file.Path", "java.util.List", "org.junit.jupiter.api.AfterAll"]>
<#if s.scenarios?has_content>
<#assign imports = imports + ["org.junit.jupiter.api.DisplayName", "org.junit.jupiter.api.Test"]>
</#if>
<@m.imports imports?sort/>

/**
 * The model's scenarios, each step through the API's handlers as AppSync calls them: in memory,
 * where the policies and the views follow every command before the next step (so a query answers
 * exactly what the steps before it caused). {@link ScenariosOnMotoTest} runs the same steps on
 * moto_server. When all have run, the coverage of events recorded and views queried is reported
 * (a line of the output and {@code target/scenario-coverage.txt}) and checked against the model's
 * minimums.
 */
class ScenariosTest {

  /** The application as the scenarios reach it: its mutations, policies and queries. */
  static final ScenarioApi API =
      ScenarioApi.builder()
<#list s.commands as c>
          .command(${javaString(c.operation)}, ${javaString(c.authType)}, ${c.handlerClass}::new)
</#list>
<#list s.policies as p>
          .policy(
              ${javaString(p.name)},
              ${javaString(p.source)},
              ${javaString(p.eventType)},
              ${p.handlerClass}::new)
</#list>
<#if project.views?has_content>
          .projections(ViewProjector.projections())
</#if>
<#list s.queries as q>
<#if q.kind == "index">
          .index(
              ${javaString(q.name)},
              new ${q.projectionClass}(),
              ${javaString(q.argument)},
              <#if q.sortField?has_content>${javaString(q.sortField)}<#else>null</#if>,
              ${q.ascending?c},
              <#if q.prefixArgument?has_content>${javaString(q.prefixArgument)}<#else>null</#if>,
              List.of(<#list q.roles as r>${javaString(r)}<#sep>, </#sep></#list>),
              List.of(<#list q.owners as o>${javaString(o)}<#sep>, </#sep></#list>))
<#else>
          .${q.kind}(
              ${javaString(q.name)},
              new ${q.projectionClass}(),
              List.of(<#list q.roles as r>${javaString(r)}<#sep>, </#sep></#list>),
              List.of(<#list q.owners as o>${javaString(o)}<#sep>, </#sep></#list>))
</#if>
</#list>
<#if s.events?has_content>
          .events(
<#list s.events as e>
              ${javaString(e)}<#if e?has_next>,<#else>)</#if>
</#list>
</#if>
<#if s.views?has_content>
          .views(<#list s.views as v>${javaString(v)}<#sep>, </#sep></#list>)
</#if>
          .build();

  private static final ScenarioCoverage COVERAGE = new ScenarioCoverage(API);

  /** The coverage of all scenarios, against the model's {@code app.scenarioCoverage}. */
  @AfterAll
  static void coverage() {
    COVERAGE.report(${s.minimumEvents?c}, ${s.minimumViews?c}, Path.of("target", "scenario-coverage.txt"));
  }
<#list s.scenarios as sc>

  @Test
  @DisplayName(${javaString(sc.name)})
  void ${sc.method}() {
    try (ApiScenario scenario = ApiScenario.inMemory(API, COVERAGE)) {
      ${sc.method}(scenario);
    }
  }

<#if sc.description?has_content>
  /** ${javadoc(sc.description)} */
<#else>
  /** The scenario ${javadoc(sc.name)}. */
</#if>
  static void ${sc.method}(ApiScenario scenario) {
<#list sc.steps as st>
<#if st.kind == "set">
<#list st.sets as v>
    scenario.set(${javaString(v.name)}, ${javaString(v.value)});
</#list>
<#else>
    scenario
        .step(${javaString(st.what)})
        .as(${javaString(st.callerId)}, ${javaString(st.callerName)}, List.of(<#list st.callerRoles as r>${javaString(r)}<#sep>, </#sep></#list>))
<#if st.at?has_content>
        .at(Instant.parse(${javaString(st.at)}))
</#if>
        .${st.kind}(${javaString(st.target)}, ${javaString(st.json)})
<#if st.error?has_content>
        .expectError(${javaString(st.error)})
</#if>
<#if st.message?has_content>
        .expectErrorMessage(${javaString(st.message)})
</#if>
<#list st.expects as e>
        .expect(${javaString(e.name)}, ${javaString(e.value)})
</#list>
<#list st.extracts as e>
        .extract(${javaString(e.name)}, ${javaString(e.value)})
</#list>
        .run();
</#if>
</#list>
  }
</#list>
}
