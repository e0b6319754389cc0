package dev.tracepaper.testing;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EventStore;
import dev.tracepaper.engine.JsonCompare;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.Reaction;
import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.model.View;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.ScalarNode;
import dev.tracepaper.source.SequenceNode;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.validate.rules.UnknownScenarioVariable;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs a scenario as the generated {@code ScenariosTest} does: each command through the API as the
 * step's caller, then every event it stored delivered (views, policies, {@code on:} commands, and
 * what those store in turn) before the next step; each query answered from the views with its auth.
 * The first step that fails ends the scenario: later steps build on it.
 */
final class ScenarioCases {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ModelIndex index;
  private final Engine prepared;
  private final YamlJson yaml;
  private final ScenarioQueries queries;
  private final ScenarioCoverage coverage;

  ScenarioCases(ModelIndex index, Engine prepared) {
    this.index = index;
    this.prepared = prepared;
    this.yaml = new YamlJson(index);
    this.queries = new ScenarioQueries(index);
    this.coverage = new ScenarioCoverage(index);
  }

  /** What the scenarios run so far covered. */
  ScenarioCoverage coverage() {
    return coverage;
  }

  void run(Scenario scenario, List<TestResult.Mismatch> mismatches) {
    Engine engine = prepared.fresh();
    Map<String, JsonNode> variables = new HashMap<>();
    for (ScenarioSteps s : ScenarioSteps.all(index)) {
      if (s.scenario() != scenario) {
        continue;
      }
      new StepRun(s, engine, variables, mismatches).run();
      if (!mismatches.isEmpty()) {
        return;
      }
    }
  }

  /** One step: its values with the variables put in, its outcome, answer and expectations. */
  private final class StepRun {
    private final ScenarioSteps s;
    private final Scenario.Step step;
    private final Engine engine;
    private final Map<String, JsonNode> variables;
    private final List<TestResult.Mismatch> mismatches;
    private final String what;

    StepRun(
        ScenarioSteps s,
        Engine engine,
        Map<String, JsonNode> variables,
        List<TestResult.Mismatch> mismatches) {
      this.s = s;
      this.step = s.step();
      this.engine = engine;
      this.variables = variables;
      this.mismatches = mismatches;
      this.what =
          "step %d (%s)"
              .formatted(
                  s.number(), step.name().orElse(step.target().map(Located::value).orElse("set")));
    }

    void run() {
      switch (step.kind()) {
        case SET ->
            step.values()
                .entries()
                .forEach(e -> variables.put(e.name(), substitute(YamlJson.plain(e.value()))));
        case COMMAND -> command(s.command().orElseThrow());
        case QUERY -> query(s.view().orElseThrow());
      }
    }

    private void command(Command command) {
      Optional<Aggregate> owner = index.aggregate(command.aggregate());
      ObjectNode input = object(step.values(), command.fields(), owner, true);
      List<AuthType> types = engine.authTypes(command);
      AuthType type =
          types.contains(AuthType.AMAZON_COGNITO_USER_POOLS)
              ? AuthType.AMAZON_COGNITO_USER_POOLS
              : types.get(0);
      Caller caller = caller(type);
      Instant now = step.at().map(at -> Instant.parse(at.value())).orElseGet(Instant::now);
      Outcome outcome = engine.command(command, input, caller, type, now);
      String expectedError = step.error().map(Located::value).orElse(null);
      if (outcome instanceof Outcome.Refused refused) {
        if (!refused.code().equals(expectedError)) {
          fail(
              "`" + command.name() + "`",
              expectedError == null ? "to succeed" : "to fail with " + expectedError,
              "it failed with " + refused.describe(),
              step.error().map(Located::location).orElse(step.location()));
        } else if (step.message().isPresent()
            && !message(step.message().get()).equals(refused.message())) {
          fail(
              "the message of " + refused.code(),
              message(step.message().get()),
              refused.message(),
              step.message().get().location());
        }
        return;
      }
      Outcome.Recorded recorded = (Outcome.Recorded) outcome;
      if (expectedError != null) {
        fail(
            "`" + command.name() + "`",
            "to fail with " + expectedError,
            "it succeeded",
            step.error().get().location());
        return;
      }
      coverage.recorded(recorded.events());
      for (Reaction reaction : engine.deliver(recorded.events(), now)) {
        Outcome followed = reaction.outcome();
        if (followed instanceof Outcome.Recorded caused) {
          coverage.recorded(caused.events());
        } else if (followed instanceof Outcome.Refused refused) {
          // In production the policy would be retried, then dead-lettered: the step fails.
          fail(
              "what followed `" + command.name() + "` (its policies and `on:` commands)",
              "to succeed",
              "one failed with " + refused.describe(),
              step.location());
          return;
        }
      }
      ObjectNode answer = NODES.objectNode();
      answer.put("id", recorded.key());
      answer.put(
          "version",
          recorded.events().isEmpty()
              ? engine
                  .events()
                  .find(recorded.aggregate(), recorded.key())
                  .map(EventStore.Instance::version)
                  .orElse(0L)
              : recorded.events().get(recorded.events().size() - 1).version());
      // The command's own events, as the API's CommandResult names them.
      var events = answer.putArray("events");
      recorded.events().forEach(e -> events.add(e.type()));
      answered(answer, owner, path -> ScenarioSteps.answerType(path, step.location()));
    }

    private void query(View view) {
      coverage.queried(view);
      ObjectNode args = object(step.values(), view.fields(), Optional.empty(), true);
      boolean get = s.query().orElseThrow().kind() == Query.Kind.GET;
      JsonNode answer;
      try {
        answer = queries.answer(engine, view, s.query().orElseThrow(), args, caller(null));
      } catch (ScenarioQueries.Refused refused) {
        if (step.error().isEmpty()) {
          fail(
              "`" + step.target().orElseThrow().value() + "`",
              "an answer",
              "it refused the caller " + caller(null).name() + ": " + refused.getMessage(),
              step.location());
        } else if (!step.error().get().value().equals(refused.getMessage())) {
          fail(
              "`" + step.target().orElseThrow().value() + "`",
              "to fail with " + step.error().get().value(),
              "it failed with " + refused.getMessage(),
              step.error().get().location());
        }
        return;
      }
      if (step.error().isPresent()) {
        fail(
            "`" + step.target().orElseThrow().value() + "`",
            "to fail with " + step.error().get().value(),
            "it answered " + Values.show(answer),
            step.error().get().location());
        return;
      }
      answered(
          answer,
          Optional.empty(),
          path -> {
            String[] parts = path.split("\\.", -1);
            String field =
                get ? (parts.length == 1 ? parts[0] : null) : (parts.length == 3 ? parts[2] : null);
            return field == null ? null : view.field(field).map(Field::type).orElse(null);
          });
    }

    /** Checks the expectations on the answer, then takes the variables it extracts. */
    private void answered(
        JsonNode answer, Optional<Aggregate> owner, Function<String, TypeRef> types) {
      for (MappingNode.Entry e : step.expect().entries()) {
        TypeRef type = types.apply(e.name());
        JsonNode want =
            type == null || usesVariable(e.value())
                ? substitute(YamlJson.plain(e.value()))
                : yaml.value(e.value(), type, owner, false);
        JsonNode have = at(answer, e.name());
        if (!JsonCompare.same(want, have)) {
          fail("`" + e.name() + "`", Values.show(want), Values.show(have), e.key().location());
          return;
        }
      }
      for (MappingNode.Entry e : step.extract().entries()) {
        JsonNode value = at(answer, ((ScalarNode) e.value()).value());
        if (value.isMissingNode() || value.isNull()) {
          fail(
              "`${" + e.name() + "}`",
              "a value at " + ((ScalarNode) e.value()).value(),
              "the answer has none: " + Values.show(answer),
              e.key().location());
          return;
        }
        variables.put(e.name(), value);
      }
    }

    private ObjectNode object(
        MappingNode mapping, List<Field> fields, Optional<Aggregate> owner, boolean asSent) {
      ObjectNode object = NODES.objectNode();
      for (MappingNode.Entry entry : mapping.entries()) {
        Optional<TypeRef> type =
            fields.stream().filter(f -> f.name().equals(entry.name())).findFirst().map(Field::type);
        object.set(
            entry.name(),
            type.isEmpty() || usesVariable(entry.value())
                ? substitute(YamlJson.plain(entry.value()))
                : yaml.value(entry.value(), type.get(), owner, asSent));
      }
      return object;
    }

    /** The error message the step expects, its variables put in. */
    private String message(Located<String> message) {
      return substitute(NODES.stringNode(message.value())).asString();
    }

    /** The step's caller (else the scenario's, else {@code test-user} without roles). */
    private Caller caller(AuthType type) {
      Optional<TestCase.Caller> as = step.as().or(s.scenario()::as);
      String id = as.flatMap(c -> c.id().or(c::name)).map(Located::value).orElse("test-user");
      String name = as.flatMap(TestCase.Caller::name).map(Located::value).orElse(id);
      List<String> roles =
          as.map(c -> c.roles().stream().map(Located::value).toList()).orElse(List.of());
      return type == null
          ? new Caller(id, name, roles)
          : Caller.authenticated(type, id, name, roles);
    }

    /**
     * The value with the variables put in: a text that is just {@code ${name}} takes the variable's
     * value and type; within a text, the variable's text is put in.
     */
    private JsonNode substitute(JsonNode value) {
      if (value.isString()) {
        Matcher whole = UnknownScenarioVariable.USE.matcher(value.asString());
        if (whole.matches()) {
          return variables.getOrDefault(whole.group(1), NODES.nullNode());
        }
        Matcher parts = UnknownScenarioVariable.USE.matcher(value.asString());
        StringBuilder text = new StringBuilder();
        while (parts.find()) {
          JsonNode v = variables.getOrDefault(parts.group(1), NODES.nullNode());
          parts.appendReplacement(
              text, Matcher.quoteReplacement(v.isString() ? v.asString() : v.toString()));
        }
        parts.appendTail(text);
        return NODES.stringNode(text.toString());
      }
      if (value.isObject()) {
        ObjectNode copy = NODES.objectNode();
        value.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue())));
        return copy;
      }
      if (value.isArray()) {
        var copy = NODES.arrayNode();
        value.forEach(item -> copy.add(substitute(item)));
        return copy;
      }
      return value;
    }

    private void fail(String subject, String expected, String actual, SourceLocation at) {
      mismatches.add(new TestResult.Mismatch(what + ": " + subject, expected, actual, at));
    }
  }

  /** The value at a path of names and list positions ({@code items.0.title}); missing if none. */
  static JsonNode at(JsonNode answer, String path) {
    JsonNode node = answer;
    for (String segment : path.split("\\.", -1)) {
      node = segment.matches("[0-9]+") ? node.path(Integer.parseInt(segment)) : node.path(segment);
    }
    return node;
  }

  private static boolean usesVariable(YamlNode node) {
    if (node instanceof ScalarNode scalar) {
      return UnknownScenarioVariable.USE.matcher(scalar.value()).find();
    }
    if (node instanceof MappingNode m) {
      return m.entries().stream().anyMatch(e -> usesVariable(e.value()));
    }
    if (node instanceof SequenceNode seq) {
      return seq.items().stream().anyMatch(ScenarioCases::usesVariable);
    }
    return false;
  }
}
