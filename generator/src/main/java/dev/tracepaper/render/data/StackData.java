package dev.tracepaper.render.data;

import java.util.List;

/**
 * One CloudFormation stack of the generated template: the root ({@code template.yaml}) or a nested
 * stack ({@code stacks/<Name>.yaml}), and the elements whose resources it holds. Which element goes
 * where is decided by {@code dev.tracepaper.stack.StackPlan}.
 *
 * @param name empty for the root, else the stack's name ({@code Catalog}, {@code CatalogPart1})
 * @param logicalId the root's logical id of the nested stack ({@code CatalogStack}); empty for the
 *     root
 * @param file the template's path in the project ({@code stacks/Catalog.yaml}); {@code
 *     template.yaml} for the root
 * @param commandRoleLogicalId the role AppSync invokes this stack's command functions with ({@code
 *     CommandDataSourceRole} in the root, {@code CatalogCommandDataSourceRole} in a nested stack)
 * @param generationDataSourceLogicalId the data source its resolvers read which generation of a
 *     view is live with ({@code ViewGenerations} in the root, {@code CatalogViewGenerations} in a
 *     nested stack); its role adds {@code Role}. Only a stack with views has it
 * @param generationFunctionLogicalId the pipeline function every query and relation of the stack
 *     runs first, on that data source ({@code ReadViewGeneration}, {@code
 *     CatalogReadViewGeneration})
 * @param generationFunctionFile that function's code, relative to the project: one file for every
 *     stack
 * @param aggregates the aggregates whose function, data source, resolvers and policies it holds
 * @param views the views whose table, data source and query resolvers it holds
 * @param relations the relation fields whose resolvers it holds: those leading to its views, which
 *     read with their data sources
 * @param parameters what a nested stack takes from the root, by parameter name, in a fixed order
 *     (see {@code templates/stacks/Stack.yaml.ftl}); empty for the root
 */
public record StackData(
    String name,
    String logicalId,
    String file,
    String commandRoleLogicalId,
    String generationDataSourceLogicalId,
    String generationFunctionLogicalId,
    String generationFunctionFile,
    List<AggregateData> aggregates,
    List<ViewData> views,
    List<RelationSite> relations,
    List<String> parameters) {

  public StackData {
    aggregates = List.copyOf(aggregates);
    views = List.copyOf(views);
    relations = List.copyOf(relations);
    parameters = List.copyOf(parameters);
  }

  public boolean nested() {
    return !name.isEmpty();
  }

  /** The aggregates that have commands: each has a function, a data source and resolvers. */
  public List<AggregateData> commandAggregates() {
    return aggregates.stream().filter(a -> !a.commands().isEmpty()).toList();
  }

  /** The policies of its aggregates, in model order. */
  public List<PolicyData> policies() {
    return aggregates.stream().flatMap(a -> a.policies().stream()).toList();
  }

  /**
   * A relation field and the view it is a field of.
   *
   * @param view the view whose GraphQL type has the field
   * @param relation the field
   */
  public record RelationSite(ViewData view, RelationData relation) {}
}
