<#import "/lib/macros.ftl" as m>
<@m.header element=automation.element/>
package ${automation.javaPackage};

<@m.imports automation.imports/>

<#-- One activity: a let, a stop, a loop or a side effect, at its own indentation. -->
<#macro step s>
<#if s.kind == "let">
${s.indent}// ${lineComment(s.source)}
${s.indent}${s.code}
<#elseif s.kind == "stopIf">
${s.indent}// ${lineComment(s.source)}
${s.indent}if (${s.condition}) {
${s.indent}  return;
${s.indent}}
<#elseif s.kind == "forEach">
${s.indent}// ${lineComment(s.source)}
${s.indent}for (var ${s.variable} : ${s.items}) {
<#list s.steps as inner>
<@step inner/>
</#list>
${s.indent}}
<#elseif s.condition?has_content>
${s.indent}// ${lineComment(s.source)}
${s.indent}if (${s.condition}) {
${s.indent}  ${s.code}
${s.indent}}
<#else>
${s.indent}// ${lineComment(s.source)}
${s.indent}${s.code}
</#if>
</#macro>
/**
<#if automation.description?has_content>
 * ${javadoc(automation.description, " * ")}
 *
 * <p>The automation ${automation.name} runs ${javadoc(automation.trigger, " * ")}.
<#else>
 * The automation ${automation.name} runs ${javadoc(automation.trigger, " * ")}.
</#if>
 *
 * <p>Every trigger reaches this function through the automation's queue; the runtime ({@link
 * Automations}) runs the activities below once per trigger: a side effect already performed for
 * it is not performed again when the trigger is delivered again, and a failed run is retried with
 * backoff, then moved to the automation's dead-letter queue.
 */
public final class ${automation.javaClass} implements RequestStreamHandler {

  /** The automation's name: its logs, metrics and the record of what it performed name it. */
  static final String NAME = ${javaString(automation.name)};

  /** The secrets it reads, and where each is kept; their values are read when it runs. */
  static final List<SecretRef> SECRETS =${automation.secrets};

  /** Built on first use by the Lambda runtime, so that SnapStart snapshots it ready to go. */
  private static final class Production {
    static final Automations AUTOMATIONS = Automations.fromEnvironment();
  }

  private final Automations automations;
<#list automation.handlers as h>
  private final ${h.javaClass} ${h.field};
</#list>

  /** The handler the Lambda runtime creates. */
  public ${automation.javaClass}() {
    this(Production.AUTOMATIONS<#list automation.handlers as h>, new ${h.javaClass}()</#list>);
  }

  /**
   * A handler performing its side effects with {@code automations} (tests: recorded effects, a
   * ledger in memory)<#if automation.handlers?has_content> and sending its commands to the given handlers</#if>.
   */
  public ${automation.javaClass}(Automations automations<#list automation.handlers as h>, ${h.javaClass} ${h.field}</#list>) {
    this.automations = automations;
<#list automation.handlers as h>
    this.${h.field} = ${h.field};
</#list>
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    automations.handle(input, output, context, NAME, SECRETS, this::perform);
  }

  /** The activities, in the model's order, for one trigger. */
  void perform(Run run) {
<#list automation.locals as local>
    ${local}
</#list>
<#list automation.steps as s>
<@step s/>
</#list>
  }
}
