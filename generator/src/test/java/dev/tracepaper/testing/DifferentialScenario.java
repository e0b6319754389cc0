package dev.tracepaper.testing;

import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Query;
import dev.tracepaper.model.View;
import dev.tracepaper.validate.rules.shape.ScenarioSteps;
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

  /** The caller of some steps, without a role; the others run as {@link #user}. */
  static final Caller OTHER = new Caller("u-2", "other", List.of());

  /** The scenario's caller: a user with every role of the model. */
  public static Caller user(ModelIndex index) {
    return new Caller("u-1", "user", index.roles().stream().sorted().toList());
  }

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
      String extract,
      Map<String, JsonNode> expect) {

    /** The same step expecting {@code value} at {@code path} instead. */
    public Step expecting(String path, JsonNode value) {
      Map<String, JsonNode> changed = new LinkedHashMap<>(expect);
      changed.put(path, value);
      return new Step(target, command, caller, input, error, message, extract, changed);
    }

    /** The same step expecting the error {@code code} instead. */
    public Step failingWith(String code) {
      return new Step(target, command, caller, input, code, message, extract, expect);
    }

    /** The same step expecting its error with {@code text} as the message instead. */
    public Step withMessage(String text) {
      return new Step(target, command, caller, input, error, text, extract, expect);
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
    EngineRun run = new EngineRun(prepared.fresh());
    for (int tries = 0; accepted.size() < commands && tries < commands * 4; tries++) {
      Command command = all.get(random.nextInt(all.size()));
      Caller caller = random.nextInt(5) == 0 ? OTHER : user(index);
      if (makesKey(index, command) && run.madeFor(command.aggregate())) {
        continue; // one key the system makes per aggregate (see EngineRun#madeFor)
      }
      Step step = run.command(command, caller, inputs.of(command, run.keys()));
      if (step != null) {
        accepted.add(step);
      } else {
        // Its policies failed: replay what was accepted on an engine of its own.
        run = new EngineRun(prepared.fresh());
        for (Step s : accepted) {
          run.command(command(index, s.target()), s.caller(), s.input());
        }
      }
    }
    return withQueries(index, prepared, accepted);
  }

  /** Whether the command's instance key is filled in by the system ({@code autoFill}). */
  private static boolean makesKey(ModelIndex index, Command command) {
    String key =
        index.aggregate(command.aggregate()).flatMap(a -> a.key()).map(k -> k.value()).orElse("");
    return command.field(key).flatMap(f -> f.constraints().autoFill()).isPresent();
  }

  /**
   * The commands replayed on a fresh engine, each followed by a {@code list} query of every view
   * whose answer it changed, and the last by one of every view. A row holding a value of the clock
   * is expected field by field, that value left out; any other is expected whole.
   */
  private static List<Step> withQueries(ModelIndex index, Engine prepared, List<Step> commands) {
    EngineRun run = new EngineRun(prepared.fresh());
    ScenarioQueries queries = new ScenarioQueries(index);
    Map<String, JsonNode> shown = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      Step step = commands.get(i);
      steps.add(run.command(command(index, step.target()), step.caller(), step.input()));
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
          items =
              run.abstracted(
                  queries
                      .answer(run.engine(), view, list, NODES.objectNode(), user(index))
                      .get("items"));
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
                  user(index),
                  NODES.objectNode(),
                  null,
                  null,
                  null,
                  rows(items, run)));
        }
      }
    }
    return steps;
  }

  /** The expectations of a list's items: whole, or by field where the clock gave a value. */
  private static Map<String, JsonNode> rows(JsonNode items, EngineRun run) {
    if (!run.ofTheClock(items)) {
      return Map.of("items", items);
    }
    Map<String, JsonNode> paths = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      int row = i;
      items
          .get(i)
          .properties()
          .forEach(
              field -> {
                if (!run.ofTheClock(field.getValue())) {
                  paths.put("items." + row + "." + field.getKey(), field.getValue());
                }
              });
    }
    paths.put("items." + items.size(), NODES.nullNode()); // no row more
    return paths;
  }

  private static Command command(ModelIndex index, String target) {
    return ScenarioSteps.commands(index, target).get(0);
  }

  /** The steps as the scenario {@code name} of a model file's {@code scenarios:}. */
  public static String yaml(String name, Caller user, List<Step> steps) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("  ").append(name).append(":\n");
    yaml.append(
        "    as: {id: %s, name: %s, roles: %s}\n"
            .formatted(user.id(), user.name(), texts(user.roles())));
    yaml.append("    steps:\n");
    for (Step step : steps) {
      yaml.append(
          "      - %s: %s\n".formatted(step.command() ? "command" : "query", step.target()));
      if (!step.caller().equals(user)) {
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
        if (step.extract() != null) {
          yaml.append("        extract: {%s: id}\n".formatted(step.extract()));
        }
      }
    }
    return yaml.toString();
  }

  private static JsonNode texts(List<String> values) {
    var array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
