package dev.tracepaper.render.build;

import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.render.data.AggregateData;
import dev.tracepaper.render.data.CommandData;
import dev.tracepaper.render.data.PolicyData;
import dev.tracepaper.render.data.ScenarioSuiteData;
import dev.tracepaper.render.data.ScenarioSuiteData.ApiQuery;
import dev.tracepaper.render.data.ScenarioSuiteData.Pair;
import dev.tracepaper.render.data.ScenarioSuiteData.StepData;
import dev.tracepaper.render.data.ViewData;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.rules.UnknownScenarioVariable;
import dev.tracepaper.validate.rules.shape.QueryAccess;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scenarios of a valid model as the generated {@code ScenariosTest} runs them: values as JSON
 * in the form the API takes and the views hold, each command by its mutation and handler, each
 * query with what it reads by and who it admits.
 */
final class ScenarioCode {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String USER_POOLS = "AMAZON_COGNITO_USER_POOLS";

  private final ModelIndex index;
  private final TestCode tests;

  ScenarioCode(ModelIndex index, TestCode tests) {
    this.index = index;
    this.tests = tests;
  }

  ScenarioSuiteData of(List<AggregateData> aggregates, List<ViewData> views) {
    Optional<Scenario.Coverage> coverage = index.model().app().flatMap(a -> a.scenarioCoverage());
    if (index.model().scenarios().isEmpty() && coverage.isEmpty()) {
      return ScenarioSuiteData.NONE;
    }
    Set<String> imports = new TreeSet<>();
    List<ScenarioSuiteData.ApiCommand> commands = new ArrayList<>();
    List<ScenarioSuiteData.ApiPolicy> policies = new ArrayList<>();
    for (AggregateData aggregate : aggregates) {
      if (!aggregate.commands().isEmpty()) {
        imports.add(aggregate.javaPackage() + "." + aggregate.handlerClass());
      }
      for (CommandData command : aggregate.commands()) {
        commands.add(
            new ScenarioSuiteData.ApiCommand(
                command.operation(),
                command.authTypes().contains(USER_POOLS) ? USER_POOLS : command.authTypes().get(0),
                aggregate.handlerClass()));
      }
      for (PolicyData policy : aggregate.policies()) {
        imports.add(aggregate.javaPackage() + "." + policy.handlerClass());
        policies.add(
            new ScenarioSuiteData.ApiPolicy(
                policy.name(),
                policy.triggerSource(),
                policy.triggerType(),
                policy.handlerClass()));
      }
    }
    List<ApiQuery> queries = new ArrayList<>();
    for (ViewData data : views) {
      View view = index.view(data.name()).orElseThrow();
      imports.add(data.javaPackage() + "." + data.projectionClass());
      for (Query query : ScenarioSteps.queries(view)) {
        queries.add(query(view, query, data.projectionClass()));
      }
    }
    List<String> events =
        index
            .model()
            .events()
            .filter(e -> !e.isRetired())
            .map(e -> e.aggregate() + "." + e.name())
            .toList();
    List<ScenarioSuiteData.ScenarioData> scenarios = new ArrayList<>();
    Set<String> methods = new HashSet<>();
    List<ScenarioSteps> steps = ScenarioSteps.all(index);
    for (Scenario scenario : index.model().scenarios()) {
      List<StepData> data =
          steps.stream().filter(s -> s.scenario() == scenario).map(this::step).toList();
      if (data.stream().anyMatch(step -> !step.at().isEmpty())) {
        imports.add("java.time.Instant");
      }
      scenarios.add(
          new ScenarioSuiteData.ScenarioData(
              scenario.name(),
              scenario.description().orElse(""),
              TestCode.method(scenario.name(), methods),
              data));
    }
    return new ScenarioSuiteData(
        true,
        coverage.flatMap(Scenario.Coverage::events).map(Located::value).orElse(0L),
        coverage.flatMap(Scenario.Coverage::views).map(Located::value).orElse(0L),
        commands,
        policies,
        queries,
        events,
        views.stream().map(ViewData::name).toList(),
        scenarios,
        List.copyOf(imports));
  }

  private ApiQuery query(View view, Query query, String projectionClass) {
    QueryAccess access = QueryAccess.of(index, view, query);
    return new ApiQuery(
        view.name() + "." + query.name(),
        query.kind().name().toLowerCase(),
        projectionClass,
        query.index().map(Located::value).orElse(""),
        query.sortField().map(Located::value).orElse(""),
        query.ascending(),
        query.prefix().map(p -> p.value() + "Prefix").orElse(""),
        access.roles(),
        access.owners());
  }

  private StepData step(ScenarioSteps s) {
    Scenario.Step step = s.step();
    String what =
        "step %d (%s)"
            .formatted(
                s.number(), step.name().orElse(step.target().map(Located::value).orElse("set")));
    Optional<TestCase.Caller> caller = step.as().or(s.scenario()::as);
    String id = caller.flatMap(c -> c.id().or(c::name)).map(Located::value).orElse("test-user");
    String name = caller.flatMap(TestCase.Caller::name).map(Located::value).orElse(id);
    List<String> roles =
        caller.map(c -> c.roles().stream().map(Located::value).toList()).orElse(List.of());
    List<Pair> expects = new ArrayList<>();
    List<Pair> extracts = new ArrayList<>();
    List<Pair> sets = new ArrayList<>();
    String target = "";
    String json = "{}";
    switch (step.kind()) {
      case SET ->
          step.values()
              .entries()
              .forEach(e -> sets.add(new Pair(e.name(), write(TestCode.plain(e.value())))));
      case COMMAND -> {
        var command = s.command().orElseThrow();
        Optional<Aggregate> owner = index.aggregate(command.aggregate());
        // What the handler dispatches on: the mutation, or its namespace type and field.
        target =
            ApiPlace.of(
                    dev.tracepaper.naming.GraphQlNames.MUTATION,
                    dev.tracepaper.naming.GraphQlNames.mutation(command.name()),
                    command.api())
                .operation();
        json = write(object(step.values(), command.fields(), owner, true));
        for (MappingNode.Entry e : step.expect().entries()) {
          TypeRef type = ScenarioSteps.answerType(e.name(), e.key().location());
          expects.add(new Pair(e.name(), write(value(e.value(), Optional.of(type), owner, false))));
        }
      }
      case QUERY -> {
        View view = s.view().orElseThrow();
        target = step.target().orElseThrow().value();
        json = write(object(step.values(), view.fields(), Optional.empty(), true));
        boolean get = s.query().orElseThrow().kind() == Query.Kind.GET;
        for (MappingNode.Entry e : step.expect().entries()) {
          String[] path = e.name().split("\\.", -1);
          String field =
              get ? (path.length == 1 ? path[0] : null) : (path.length == 3 ? path[2] : null);
          Optional<TypeRef> type = Optional.ofNullable(field).flatMap(view::field).map(Field::type);
          expects.add(new Pair(e.name(), write(value(e.value(), type, Optional.empty(), false))));
        }
      }
    }
    step.extract()
        .entries()
        .forEach(e -> extracts.add(new Pair(e.name(), ((ScalarNode) e.value()).value())));
    return new StepData(
        step.kind().name().toLowerCase(),
        what,
        id,
        name,
        roles,
        target,
        json,
        step.error().map(Located::value).orElse(""),
        step.message().map(Located::value).orElse(""),
        expects,
        extracts,
        sets,
        step.at().map(Located::value).orElse(""));
  }

  private ObjectNode object(
      MappingNode mapping, List<Field> fields, Optional<Aggregate> owner, boolean asSent) {
    ObjectNode object = NODES.objectNode();
    for (MappingNode.Entry entry : mapping.entries()) {
      Optional<TypeRef> type =
          fields.stream().filter(f -> f.name().equals(entry.name())).findFirst().map(Field::type);
      object.set(entry.name(), value(entry.value(), type, owner, asSent));
    }
    return object;
  }

  /** A value in its field's form, or as written where it uses a variable (put in as it runs). */
  private JsonNode value(
      YamlNode node, Optional<TypeRef> type, Optional<Aggregate> owner, boolean asSent) {
    if (type.isEmpty() || usesVariable(node)) {
      return TestCode.plain(node);
    }
    return tests.value(node, type.get(), owner, asSent);
  }

  private static boolean usesVariable(YamlNode node) {
    if (node instanceof ScalarNode scalar) {
      return UnknownScenarioVariable.USE.matcher(scalar.value()).find();
    }
    if (node instanceof MappingNode m) {
      return m.entries().stream().anyMatch(e -> usesVariable(e.value()));
    }
    return node instanceof dev.tracepaper.source.SequenceNode seq
        && seq.items().stream().anyMatch(ScenarioCode::usesVariable);
  }

  private static String write(JsonNode node) {
    return TestCode.write(node);
  }
}
