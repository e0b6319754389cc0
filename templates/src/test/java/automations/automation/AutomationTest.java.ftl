<#import "/lib/macros.ftl" as m>
<@m.header element=automation.element/>
package ${automation.javaPackage};

<@m.imports automation.testImports/>

/**
 * The model's tests of the automation ${automation.name}.
 *
 * <p>Each trigger runs the generated activities with their side effects recorded, not performed,
 * as {@code tracepaper test} previews them (a secret reads as {@code «secret <name>»}, a command is
 * recorded, not sent); what was recorded must be what the test expects, compared as {@code
 * tracepaper test} compares it.
 */
class ${automation.javaClass}Test {

  private final RecordingEffects effects = new RecordingEffects();
  private final Automations automations = new Automations(new InMemoryLedger(), effects);
<#if automation.handlers?has_content>
  private final ${automation.javaClass} automation =
      new ${automation.javaClass}(
          automations<#list automation.handlers as h>,
          new ${h.javaClass}(new InMemoryEventStore(), Clock.systemUTC())</#list>);
<#else>
  private final ${automation.javaClass} automation = new ${automation.javaClass}(automations);
</#if>
<#list automation.tests as t>

  /** ${javadoc(t.name, "   * ")} */
  @Test
  void ${t.method}() {
    automations.run(
        ${automation.javaClass}.NAME,
        ${t.trigger},
        ${automation.javaClass}.SECRETS,
        automation::perform);

    AutomationCheck.check(
        effects.performed(),
        ${javaString(t.expected)});
  }
</#list>
}
