package dev.tracepaper.render.build;

import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.naming.AwsNames;
import dev.tracepaper.naming.GraphQlNames;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.RelationData;
import dev.tracepaper.render.data.StackData;
import dev.tracepaper.render.data.StacksData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.stack.StackPlan;
import java.util.ArrayList;
import java.util.List;

/** The stacks of the data model, as {@link StackPlan} places the elements. */
final class StacksBuilder {

  private StacksBuilder() {}

  static StacksData of(ModelIndex index, List<AggregateData> aggregates, List<ViewData> views) {
    StackPlan plan = StackPlan.of(index);
    List<StackData> nested = new ArrayList<>();
    for (StackPlan.Stack stack : plan.nested()) {
      nested.add(stack(stack, aggregates, views));
    }
    return new StacksData(stack(plan.root(), aggregates, views), nested);
  }

  private static StackData stack(
      StackPlan.Stack stack, List<AggregateData> allAggregates, List<ViewData> allViews) {
    List<AggregateData> aggregates =
        allAggregates.stream().filter(a -> stack.aggregates().contains(a.name())).toList();
    List<ViewData> views = allViews.stream().filter(v -> stack.views().contains(v.name())).toList();
    List<StackData.RelationSite> relations = new ArrayList<>();
    for (ViewData view : allViews) {
      for (RelationData relation : view.relations()) {
        if (stack.views().contains(relation.target())) {
          relations.add(new StackData.RelationSite(view, relation));
        }
      }
    }
    if (!stack.nested()) {
      return new StackData(
          "",
          "",
          "template.yaml",
          AwsNames.commandRoleId(""),
          AwsNames.generationDataSourceId(""),
          AwsNames.generationFunctionId(""),
          GraphQlNames.GENERATION_FUNCTION_FILE,
          aggregates,
          views,
          relations,
          List.of());
    }
    boolean commands = aggregates.stream().anyMatch(a -> !a.commands().isEmpty());
    boolean policies = aggregates.stream().anyMatch(a -> !a.policies().isEmpty());
    List<String> parameters = new ArrayList<>();
    // The view tables' names start with the app's; the functions' metrics are in its namespace.
    if (!views.isEmpty() || commands || policies) {
      parameters.add("AppName");
    }
    if (!views.isEmpty()) {
      // Which generation of each view is live: an item of the bookkeeping table.
      parameters.add("ViewBookkeepingTable");
      parameters.add("ViewBookkeepingTableArn");
    }
    if (commands || !views.isEmpty()) {
      parameters.add("GraphQLApiId");
      parameters.add("GraphQLApiArn");
    }
    if (commands || policies) {
      parameters.add("EventStoreTable");
      parameters.add("EventStoreTableArn");
    }
    if (policies) {
      parameters.add("EventBus");
    }
    // What watches the functions and the policies' dead-letter queues.
    if (commands || policies) {
      parameters.add("AlarmTopic");
      parameters.add("LogRetentionInDays");
    }
    return new StackData(
        stack.name(),
        AwsNames.nestedStackId(stack.name()),
        "stacks/" + stack.name() + ".yaml",
        AwsNames.commandRoleId(stack.name()),
        AwsNames.generationDataSourceId(stack.name()),
        AwsNames.generationFunctionId(stack.name()),
        GraphQlNames.GENERATION_FUNCTION_FILE,
        aggregates,
        views,
        relations,
        parameters);
  }
}
