package dev.tracepaper.render;

import java.util.List;
import java.util.Map;

/**
 * What each template gives, in words, for {@code tracepaper templates list}: the file (or files) it
 * renders to and when, or that it is copied. {@link Layout} decides the files; this says them.
 */
public final class TemplateDescriptions {

  private TemplateDescriptions() {}

  /** The per-element templates and the files each gives, for {@code templates list}. */
  private static final Map<String, String> ELEMENT_OUTPUTS =
      Map.ofEntries(
          Map.entry("aggregate/State.java.ftl", "<aggregate>/<Aggregate>State.java, per aggregate"),
          Map.entry("aggregate/Event.java.ftl", "<aggregate>/<Aggregate>Event.java, per aggregate"),
          Map.entry(
              "aggregate/Aggregate.java.ftl",
              "<aggregate>/<Aggregate>Aggregate.java, per aggregate"),
          Map.entry(
              "aggregate/CommandHandler.java.ftl",
              "<aggregate>/<Aggregate>CommandHandler.java, per aggregate"),
          Map.entry(
              "aggregate/CommandHandlerTest.java.ftl",
              "<aggregate>/<Aggregate>CommandHandlerTest.java, per aggregate with an example"),
          Map.entry("aggregate/entity/Entity.java.ftl", "<aggregate>/<Entity>.java, per entity"),
          Map.entry("aggregate/event/EventRecord.java.ftl", "<aggregate>/<Event>.java, per event"),
          Map.entry(
              "aggregate/event/EventVersions.java.ftl",
              "<aggregate>/<Event>Versions.java, per event with older versions"),
          Map.entry(
              "aggregate/command/Command.java.ftl", "<aggregate>/<Command>.java, per command"),
          Map.entry(
              "aggregate/policy/PolicyHandler.java.ftl",
              "<aggregate>/<Policy>Handler.java, per policy and per event of a command's `on`"
                  + " (<Command>On<Event>Handler.java)"),
          Map.entry(
              "aggregate/flow/Flow.java.ftl",
              "<aggregate>/<Command>Flow.java and <Policy>Flow.java, per command and policy"),
          Map.entry(
              "aggregate/flow/FlowTest.java.ftl",
              "<aggregate>/<Command>Test.java and <Policy>Test.java, per command and policy with tests"),
          Map.entry(
              "aggregate/flow/Custom.java.ftl",
              "<aggregate>/<Command>Custom.java and <Policy>Custom.java, per custom command and"
                  + " policy"),
          Map.entry(
              "aggregate/flow/CustomCode.java.ftl",
              "<aggregate>/<Command>CustomCode.java and <Policy>CustomCode.java, per custom"
                  + " command and policy: created once, then yours"),
          Map.entry("views/view/Custom.java.ftl", "views/<View>Custom.java, per custom view"),
          Map.entry(
              "views/view/CustomCode.java.ftl",
              "views/<View>CustomCode.java, per custom view: created once, then yours"),
          Map.entry("views/query/Query.java.ftl", "views/<Query>Query.java, per custom query"),
          Map.entry(
              "views/query/QueryCode.java.ftl",
              "views/<Query>QueryCode.java, per custom query: created once, then yours"),
          Map.entry(
              "views/CustomQueryHandler.java.ftl",
              "views/CustomQueryHandler.java, when the model has custom queries"),
          Map.entry(
              "views/CustomQueryHandlerTest.java.ftl",
              "views/CustomQueryHandlerTest.java, when the model has custom queries"),
          Map.entry("types/type/Type.java.ftl", "types/<Type>.java, per value type"),
          Map.entry("types/enum/Enum.java.ftl", "types/<Enum>.java, per enum"),
          Map.entry("views/view/Row.java.ftl", "views/<View>.java, per view"),
          Map.entry("views/view/Projection.java.ftl", "views/<View>Projection.java, per view"),
          Map.entry(
              "views/view/ProjectionTest.java.ftl",
              "views/<View>ProjectionTest.java, per view with cases or tests"),
          Map.entry(
              "automations/automation/Automation.java.ftl",
              "automations/<Automation>Automation.java, per automation"),
          Map.entry(
              "automations/automation/AutomationTest.java.ftl",
              "automations/<Automation>AutomationTest.java, per automation with tests"),
          Map.entry(
              "automations/AutomationsOnMotoTest.java.ftl",
              "automations/AutomationsOnMotoTest.java, when an automation's test expects an"
                  + " activity"));

  /** What a template gives, in words: the file (or files) it renders to, or that it is copied. */
  public static String describe(String template) {
    if (template.startsWith(Layout.LIB)) {
      return "macros shared by the templates";
    }
    if (!template.endsWith(Layout.FTL)) {
      return (template.equals("gitignore") ? ".gitignore" : template) + " (copied as it is)";
    }
    for (String root : List.of(Layout.MAIN, Layout.TEST)) {
      if (template.startsWith(root)) {
        String rest = template.substring(root.length());
        String element = ELEMENT_OUTPUTS.get(rest);
        if (element != null) {
          return root + "<package>/" + element;
        }
        if (Layout.PER_ELEMENT.stream().anyMatch(template::startsWith)) {
          return "resolver files, per query or relation field";
        }
        if (Layout.WITH_VIEWS.contains(template)) {
          return root + "<package>/" + Layout.strip(rest) + ", when the model has views";
        }
        return root + "<package>/" + Layout.strip(rest);
      }
    }
    if (StackLayout.holds(template)) {
      return "stacks/<Name>.yaml, per nested stack (subdomain)";
    }
    if (template.startsWith(Layout.GITHUB)) {
      return "." + Layout.strip(template);
    }
    if (Layout.WITH_VIEWS.contains(template)) {
      return Layout.strip(template) + ", when the model has views";
    }
    if (Layout.WITH_USER_POOL.contains(template)) {
      return Layout.strip(template) + ", when the API has a user pool";
    }
    if (Layout.WITH_NAMESPACES.contains(template)) {
      return Layout.strip(template) + ", when `api` names make namespaces";
    }
    if (Layout.WITH_CUSTOM_QUERIES.contains(template)) {
      return Layout.strip(template) + ", when the model has custom queries";
    }
    if (Layout.STUBS.contains(template)) {
      return Layout.strip(template) + ": created once, then yours";
    }
    return template.startsWith("src/main/resources/resolvers/view/")
        ? "src/main/resources/resolvers/<Type>.<field>.js, per query or relation field"
        : Layout.strip(template);
  }
}
