<#import "/lib/macros.ftl" as m>
<@m.header element="the automations"/>
<#assign tested = project.automationsOnMoto()>
package ${tested[0].javaPackage};

<@m.imports project.automationMotoImports()/>

/**
 * The automations on moto_server, as a deployed automation function runs them: each performs the
 * activities of its first test that expects some on moto's SES, S3, Secrets Manager and Parameter
 * Store and a local HTTP server standing in for its endpoints (a secret holds the placeholder the
 * test expects); each side effect is read back from where it went and compared with the test's
 * expectation, and the same trigger delivered again performs nothing. An automation that calls an
 * endpoint is also delivered through a queue while the endpoint keeps failing: it must end in the
 * dead-letter queue. Commands are recorded, not sent, as in the automation's own test.
 */
class AutomationsOnMotoTest {

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  private AutomationsOnMoto moto;

  @BeforeEach
  void start() {
    moto = AutomationsOnMoto.start(MOTO);
  }

  @AfterEach
  void stop() {
    moto.close();
  }
<#list tested as a>
<#assign t = a.motoCases[0]>

  /**
   * ${javadoc(a.name + ": " + t.name + ".", "   * ")}
   *
   * <p>Performed once, however often the trigger is delivered.
   */
  @Test
  void ${a.javaClass?uncap_first}() {
<@setUp a/>
    AutomationCheck.check(
        moto.deliverTwice(
            ${a.javaClass}.NAME,
            ${t.trigger?replace("\n", "\n    ")},
            ${a.javaClass}.SECRETS,
            automation::perform),
        ${javaString(t.expected)});
  }
<#if a.callsEndpoints>

  /** ${javadoc(a.name, "   * ")} ends in its dead-letter queue when its endpoint keeps failing. */
  @Test
  void ${a.javaClass?uncap_first}EndsInItsDeadLetterQueue() {
<@setUp a/>
    moto.endpoints().answer(500);

    moto.deadLetter(
        ${a.javaClass}.NAME,
        ${t.trigger},
        ${a.javaClass}.SECRETS,
        automation::perform);
  }
</#if>
</#list>
}
<#macro setUp a>
<#if a.senders?has_content>
    moto.withSenders(<#list a.senders as s>${javaString(s)}<#sep>, </#sep></#list>);
</#if>
<#if a.buckets?has_content>
    moto.withBuckets(<#list a.buckets as b>${javaString(b)}<#sep>, </#sep></#list>);
</#if>
<#if a.secretStores?has_content>
    moto.withSecrets(${a.javaClass}.SECRETS);
</#if>
<#if a.handlers?has_content>
    ${a.javaClass} automation =
        new ${a.javaClass}(
            moto.automations()<#list a.handlers as h>,
            new ${h.javaClass}(new InMemoryEventStore(), Clock.systemUTC())</#list>);
<#elseif (a.javaClass?length * 2 + 42) <= 100>
    ${a.javaClass} automation = new ${a.javaClass}(moto.automations());
<#else>
    ${a.javaClass} automation =
        new ${a.javaClass}(moto.automations());
</#if>

</#macro>
