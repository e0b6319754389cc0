package dev.tracepaper.render.data;

import java.util.List;

/**
 * The root of the template data model: the whole generated project, every name already converted
 * for where it lands. Immutable; built once per generation by {@code ProjectDataBuilder}.
 *
 * @param name the app's name as written ({@code library}); names the stack and the API
 * @param artifactId the Maven artifact id (the app's name)
 * @param groupId the Maven group id (the base package)
 * @param basePackage the Java package of the generated code
 * @param runtimePackage the package of the runtime library the generated code uses
 * @param runtimeVersion the version of the runtime library the generated pom depends on
 * @param description the app's description, empty when it has none
 * @param modelVersion the model language version the project was generated from
 * @param api how the GraphQL API authenticates callers
 * @param enums the model's enums
 * @param types the model's value types
 * @param aggregates the write side
 * @param views the read side
 * @param queries the custom queries, which hand-written code answers
 * @param stacks the CloudFormation stacks and which elements each holds
 * @param scenarios the model's scenarios, run by the generated {@code ScenariosTest}
 * @param automations the automations' handlers, in model order
 * @param automationResources the infrastructure of each automation, in model order
 */
public record ProjectData(
    String name,
    String artifactId,
    String groupId,
    String basePackage,
    String runtimePackage,
    String runtimeVersion,
    String description,
    int modelVersion,
    ApiData api,
    List<EnumData> enums,
    List<RecordData> types,
    List<AggregateData> aggregates,
    List<ViewData> views,
    List<CustomQueryData> queries,
    StacksData stacks,
    ScenarioSuiteData scenarios,
    List<AutomationData> automations,
    List<AutomationStackData> automationResources) {

  public ProjectData {
    enums = List.copyOf(enums);
    types = List.copyOf(types);
    aggregates = List.copyOf(aggregates);
    views = List.copyOf(views);
    queries = List.copyOf(queries);
    automations = List.copyOf(automations);
    automationResources = List.copyOf(automationResources);
  }

  /** Every policy of every aggregate, in model order. */
  public List<PolicyData> policies() {
    return aggregates.stream().flatMap(a -> a.policies().stream()).toList();
  }

  /** Every command of every aggregate, in model order. */
  public List<CommandData> commands() {
    return aggregates.stream().flatMap(a -> a.commands().stream()).toList();
  }
}
