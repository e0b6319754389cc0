<#import "/lib/macros.ftl" as m>
<@m.header element="the scenarios"/>
package ${project.basePackage};

<#assign s = project.scenarios>
<#assign imports = [project.runtimePackage + ".testing.MotoServer", "org.junit.jupiter.api.extension.RegisterExtension"]>
<#if s.scenarios?has_content>
<#assign imports = imports + [project.runtimePackage + ".testing.ApiScenario", "org.junit.jupiter.api.DisplayName", "org.junit.jupiter.api.Test"]>
</#if>
<@m.imports imports?sort/>

/**
 * The model's scenarios on moto_server, wired as the SAM template wires production: the handlers
 * on a DynamoDB event store; its stream delivered to the projector and to the publisher, which
 * puts the events on an EventBridge bus whose rules send each policy its trigger through the
 * policy's SQS queue. A query waits for the views (a bounded poll) until its expectations hold.
 */
class ScenariosOnMotoTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();
<#list s.scenarios as sc>

  @Test
  @DisplayName(${javaString(sc.name)})
  void ${sc.method}() {
    try (ApiScenario scenario = ApiScenario.onMoto(ScenariosTest.API, MOTO)) {
      ScenariosTest.${sc.method}(scenario);
    }
  }
</#list>
}
