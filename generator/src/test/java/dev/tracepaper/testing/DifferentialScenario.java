package dev.tracepaper.testing;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EventStore;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.Reaction;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A random sequence of commands run on the engine of {@code tracepaper test}, written down as a
 * scenario of the model with what the engine answered: for each command its error code, or its
 * answer ({@code id}, {@code version}); after it, every view whose rows it changed, in full (a
 * {@code list} query's {@code items}); at the end, every view. The generated project's {@code
 * ScenariosTest} then holds the generated code to the same outcome. A command whose policies or
 * {@code on:} commands fail is left out of the sequence: a scenario step fails with them, so it
 * could not say what the engine did.
 */
public final class DifferentialScenario {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The scenario's caller; some steps run as {@link #OTHER}. */
  static final Caller USER = new Caller("u-1", "user", List.of());

  static final Caller OTHER = new Caller("u-2", "other", List.of());

  /**
   * A step: a command (its target {@code Aggregate.Command}, caller and input) or a query ({@code
   * View.list}), and what the engine answered: an error code, or the values at the answer's paths.
   */
  public record Step(
      String target,
      boolean command,
      Caller caller,
      JsonNode input,
      String error,
      String message,
      Map<String, JsonNode> expect) {

    /** The same step expecting {@code value} at {@code path} instead. */
    public Step expecting(String path, JsonNode value) {
      Map<String, JsonNode> changed = new LinkedHashMap<>(expect);
      changed.put(path, value);
      return new Step(target, command, caller, input, error, message, changed);
    }

    /** The same step expecting the error {@code code} instead. */
    public Step failingWith(String code) {
      return new Step(target, command, caller, input, code, message, expect);
    }

    /** The same step expecting its error with {@code text} as the message instead. */
    public Step withMessage(String text) {
      return new Step(target, command, caller, input, error, text, expect);
    }

    /** The step in one line, for a failure's message. */
    @Override
    public String toString() {
      return (command ? target + " as " + caller.id() + " " + input : "query " + target)
          + " -> "
          + (error != null ? "error " + error + ": " + message : expect.toString());
    }
  }

  private DifferentialScenario() {}

  /** The views the scenario reads everything through, as a model file's {@code views:}. */
  public static String observingViews(ModelIndex index) {
    return ObservingViews.yaml(index);
  }

  /**
   * Runs {@code commands} random commands of the model (with the {@link #observingViews}) on the
   * engine and answers the scenario's steps; the same seed gives the same steps.
   */
  public static List<Step> record(ModelIndex index, long seed, int commands) {
    Random random = new Random(seed);
    RandomInputs inputs = new RandomInputs(index, random);
    List<Command> all = index.model().commands().toList();
    Engine prepared = new Engine(index);
    List<Step> accepted = new ArrayList<>();
    Engine engine = prepared.fresh();
    for (int tries = 0; accepted.size() < commands && tries < commands * 4; tries++) {
      Command command = all.get(random.nextInt(all.size()));
      Caller caller = random.nextInt(5) == 0 ? OTHER : USER;
      Step step = run(engine, command, caller, inputs.of(command));
      if (step != null) {
        accepted.add(step);
      } else {
        // Its policies failed: replay what was accepted on an engine of its own.
        engine = prepared.fresh();
        for (Step s : accepted) {
          run(engine, command(index, s.target()), s.caller(), s.input());
        }
      }
    }
    return withQueries(index, prepared, accepted);
  }

  /** The command's step with its outcome; null when what followed it failed. */
  private static Step run(Engine engine, Command command, Caller caller, JsonNode input) {
    List<AuthType> types = engine.authTypes(command);
    AuthType type =
        types.contains(AuthType.AMAZON_COGNITO_USER_POOLS)
            ? AuthType.AMAZON_COGNITO_USER_POOLS
            : types.get(0);
    Instant now = Instant.now();
    Caller as = Caller.authenticated(type, caller.id(), caller.name(), caller.roles());
    Outcome outcome = engine.command(command, input, as, type, now);
    String target = command.aggregate() + "." + command.name();
    if (outcome instanceof Outcome.Refused refused) {
      return new Step(target, true, caller, input, refused.code(), refused.message(), Map.of());
    }
    Outcome.Recorded recorded = (Outcome.Recorded) outcome;
    for (Reaction reaction : engine.deliver(recorded.events(), now)) {
      if (reaction.outcome() instanceof Outcome.Refused) {
        return null;
      }
    }
    long version =
        recorded.events().isEmpty()
            ? engine
                .events()
                .find(recorded.aggregate(), recorded.key())
                .map(EventStore.Instance::version)
                .orElse(0L)
            : recorded.events().get(recorded.events().size() - 1).version();
    Map<String, JsonNode> answer = new LinkedHashMap<>();
    answer.put("id", NODES.stringNode(recorded.key()));
    answer.put("version", NODES.numberNode(version));
    var events = NODES.arrayNode();
    recorded.events().forEach(e -> events.add(e.type()));
    answer.put("events", events);
    return new Step(target, true, caller, input, null, null, answer);
  }

  /**
   * The commands replayed on a fresh engine, each followed by a {@code list} query of every view
   * whose answer it changed, and the last by one of every view.
   */
  private static List<Step> withQueries(ModelIndex index, Engine prepared, List<Step> commands) {
    Engine engine = prepared.fresh();
    ScenarioQueries queries = new ScenarioQueries(index);
    Map<String, JsonNode> shown = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Step step = commands.get(i);
      run(engine, command(index, step.target()), step.caller(), step.input());
      steps.add(step);
      for (View view : index.model().views()) {
        Query list =
            ScenarioSteps.queries(view).stream()
                .filter(q -> q.kind() == Query.Kind.LIST)
                .findFirst()
                .orElse(null);
        if (list == null || view.custom()) {
          continue;
        }
        JsonNode items;
        try {
          items = queries.answer(engine, view, list, NODES.objectNode(), USER).get("items");
        } catch (ScenarioQueries.Refused refused) {
          continue;
        }
        boolean last = i == commands.size() - 1;
        if (last || !items.equals(shown.getOrDefault(view.name(), NODES.arrayNode()))) {
          shown.put(view.name(), items);
          steps.add(
              new Step(
                  view.name() + "." + list.name(),
                  false,
                  USER,
                  NODES.objectNode(),
                  null,
                  null,
                  Map.of("items", items)));
        }
      }
    }
    return steps;
  }

  private static Command command(ModelIndex index, String target) {
    return ScenarioSteps.commands(index, target).get(0);
  }

  /** The steps as the scenario {@code name} of a model file's {@code scenarios:}. */
  public static String yaml(String name, List<Step> steps) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("  ").append(name).append(":\n");
    yaml.append("    as: {id: %s, name: %s}\n".formatted(USER.id(), USER.name()));
    yaml.append("    steps:\n");
    for (Step step : steps) {
      yaml.append(
          "      - %s: %s\n".formatted(step.command() ? "command" : "query", step.target()));
      if (!step.caller().equals(USER)) {
        yaml.append(
            "        as: {id: %s, name: %s}\n".formatted(step.caller().id(), step.caller().name()));
      }
      if (step.command()) {
        yaml.append("        input: ").append(step.input()).append('\n');
      }
      if (step.error() != null) {
        yaml.append("        error: ").append(step.error()).append('\n');
        yaml.append("        message: ").append(NODES.stringNode(step.message())).append('\n');
      } else {
        ObjectNode expect = NODES.objectNode();
        step.expect().forEach(expect::set);
        yaml.append("        expect: ").append(expect).append('\n');
      }
    }
    return yaml.toString();
  }
}
