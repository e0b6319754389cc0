package dev.tracepaper.testing;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EventStore;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.Reaction;
import dev.tracepaper.model.Command;
import dev.tracepaper.testing.DifferentialScenario.Step;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One run of a command sequence on the engine. Keys the system makes ({@code autoFill: uuid})
 * differ from run to run, and from the generated code's: each becomes a variable ({@code ${key1}}),
 * taken from the answer of the command that made it, and inputs and expectations name it by that
 * variable. Values of the clock ({@code now}, {@code today}) differ too: {@link #ofTheClock} tells
 * them, so that expectations leave them out.
 */
final class EngineRun {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(key[0-9]+)}");

  private final Engine engine;

  /** The keys the system made, by their variable, in the order made. */
  private final Map<String, String> made = new LinkedHashMap<>();

  /** The aggregates of the keys made. */
  private final java.util.Set<String> madeFor = new java.util.HashSet<>();

  private final Instant started = Instant.now();

  EngineRun(Engine engine) {
    this.engine = engine;
  }

  Engine engine() {
    return engine;
  }

  /** The instance keys inputs may name: the fixed ones, and the variables of those made. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(RandomInputs.KEYS);
    made.keySet().forEach(variable -> keys.add("${" + variable + "}"));
    return keys;
  }

  /**
   * Runs the command with {@code input} (its variables put in) and answers the step with the
   * outcome in terms of the variables; null when what followed it (policies, {@code on:} commands)
   * failed.
   */
  Step command(Command command, Caller caller, JsonNode input) {
    List<AuthType> types = engine.authTypes(command);
    AuthType type =
        types.contains(AuthType.AMAZON_COGNITO_USER_POOLS)
            ? AuthType.AMAZON_COGNITO_USER_POOLS
            : types.get(0);
    Instant now = Instant.now();
    Caller as = Caller.authenticated(type, caller.id(), caller.name(), caller.roles());
    Outcome outcome = engine.command(command, resolved(input), as, type, now);
    String target = command.aggregate() + "." + command.name();
    if (outcome instanceof Outcome.Refused refused) {
      return new Step(
          target,
          true,
          caller,
          input,
          refused.code(),
          abstracted(NODES.stringNode(refused.message())).asString(),
          null,
          Map.of());
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
    String extract = null;
    Map<String, JsonNode> answer = new LinkedHashMap<>();
    if (!RandomInputs.KEYS.contains(recorded.key()) && !made.containsValue(recorded.key())) {
      extract = "key" + (made.size() + 1);
      made.put(extract, recorded.key());
      madeFor.add(recorded.aggregate());
    } else {
      answer.put("id", abstracted(NODES.stringNode(recorded.key())));
    }
    answer.put("version", NODES.numberNode(version));
    var events = NODES.arrayNode();
    recorded.events().forEach(e -> events.add(e.type()));
    answer.put("events", events);
    return new Step(target, true, caller, input, null, null, extract, answer);
  }

  /**
   * Whether the system made a key of {@code aggregate} already: a second would put rows in an order
   * that depends on the two random keys, which the generated code draws otherwise.
   */
  boolean madeFor(String aggregate) {
    return madeFor.contains(aggregate);
  }

  /** {@code value} with the variables of made keys put in. */
  JsonNode resolved(JsonNode value) {
    if (value.isString()) {
      Matcher m = VARIABLE.matcher(value.asString());
      StringBuilder text = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(text, Matcher.quoteReplacement(made.get(m.group(1))));
      }
      m.appendTail(text);
      return NODES.stringNode(text.toString());
    }
    return map(value, this::resolved);
  }

  /** {@code value} with every made key written as its variable, as a scenario writes it. */
  JsonNode abstracted(JsonNode value) {
    if (value.isString()) {
      String text = value.asString();
      for (Map.Entry<String, String> key : made.entrySet()) {
        text = text.replace(key.getValue(), "${" + key.getKey() + "}");
      }
      return NODES.stringNode(text);
    }
    return map(value, this::abstracted);
  }

  /**
   * Whether {@code value} came from the clock while this run went: an instant since it began, or
   * today's date. The generated code's clock gives others.
   */
  boolean ofTheClock(JsonNode value) {
    if (value.isString()) {
      String text = value.asString();
      if (text.equals(LocalDate.now(ZoneOffset.UTC).toString())) {
        return true;
      }
      try {
        return !Instant.parse(text).isBefore(started.minusSeconds(1));
      } catch (java.time.format.DateTimeParseException notAnInstant) {
        return false;
      }
    }
    for (JsonNode item : value) {
      if (ofTheClock(item)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode map(JsonNode value, java.util.function.UnaryOperator<JsonNode> each) {
    if (value.isObject()) {
      ObjectNode copy = NODES.objectNode();
      value.properties().forEach(e -> copy.set(e.getKey(), each.apply(e.getValue())));
      return copy;
    }
    if (value.isArray()) {
      var copy = NODES.arrayNode();
      value.forEach(item -> copy.add(each.apply(item)));
      return copy;
    }
    return value;
  }
}
