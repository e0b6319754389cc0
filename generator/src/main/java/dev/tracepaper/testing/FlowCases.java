package dev.tracepaper.testing;

import dev.tracepaper.engine.AuthType;
import dev.tracepaper.engine.Caller;
import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EventStore;
import dev.tracepaper.engine.Outcome;
import dev.tracepaper.engine.StoredEvent;
import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Policy;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.Trigger;
import dev.tracepaper.source.MappingNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the given/when/then cases of commands and policies on the engine, as the generated flow
 * tests run them through the handlers (runtime testing's {@code Scenario}, fed by render.build's
 * TestCode): the same caller, key, past, input and comparisons.
 */
final class FlowCases {

  /** The caller of a case without {@code as}: a user with every role of the model. */
  static final String DEFAULT_CALLER = "test-user";

  private final ModelIndex index;
  private final Engine prepared;
  private final YamlJson yaml;

  FlowCases(ModelIndex index, Engine prepared) {
    this.index = index;
    this.prepared = prepared;
    this.yaml = new YamlJson(index);
  }

  /** Runs {@code test} of {@code flow}; the mismatches found go to {@code mismatches}. */
  void run(Flow flow, TestCase test, List<TestResult.Mismatch> mismatches) {
    Aggregate aggregate = index.aggregate(flow.aggregate()).orElseThrow();
    Engine engine = prepared.fresh();
    String id =
        test.as().flatMap(a -> a.id().or(a::name)).map(Located::value).orElse(DEFAULT_CALLER);
    String name =
        test.as().flatMap(TestCase.Caller::name).map(Located::value).orElse(DEFAULT_CALLER);
    List<String> roles =
        test.as()
            .map(a -> a.roles().stream().map(Located::value).toList())
            .orElse(index.roles().stream().sorted().toList());
    Caller tester = new Caller(id, name, roles);
    String key = test.instanceKey(aggregate.key().map(Located::value).orElse(""));
    others(engine, aggregate, test);
    given(engine, aggregate, test, key, tester);
    Instant now = test.at().map(at -> Instant.parse(at.value())).orElseGet(Instant::now);
    Outcome outcome = when(engine, flow, aggregate, test, tester, now);
    then(engine, flow, aggregate, test, outcome, mismatches);
  }

  private void others(Engine engine, Aggregate aggregate, TestCase test) {
    String keyField = aggregate.key().map(Located::value).orElse("");
    int n = 0;
    for (MappingNode other : test.others()) {
      n++;
      ObjectNode state = yaml.object(other, aggregate.fields(), Optional.of(aggregate), false);
      YamlJson.completeNumbers(state, aggregate.fields());
      JsonNode key = state.get(keyField);
      String otherKey = key != null && key.isString() ? key.asString() : "other-" + n;
      state.put(keyField, otherKey);
      engine.seed(aggregate.name(), otherKey, state);
    }
  }

  /** The state given first (as the generated test seeds it), then the events, in order. */
  private void given(Engine engine, Aggregate aggregate, TestCase test, String key, Caller tester) {
    for (TestCase.Given g : test.given()) {
      if (g instanceof TestCase.GivenState s) {
        ObjectNode state =
            yaml.object(s.state(), aggregate.fields(), Optional.of(aggregate), false);
        YamlJson.completeNumbers(state, aggregate.fields());
        engine.seed(aggregate.name(), key, state);
      }
    }
    for (TestCase.Given g : test.given()) {
      if (g instanceof TestCase.GivenEvent e && e.version().isPresent()) {
        Event event =
            aggregate.events().stream()
                .filter(x -> x.storedNames().contains(e.event()))
                .findFirst()
                .orElseThrow();
        List<Field> fields = event.fieldsOfVersion(e.version().get()).orElseThrow();
        ObjectNode json = yaml.object(e.fields(), fields, Optional.of(aggregate), false);
        engine.recordStored(aggregate.name(), key, e.event(), e.version().get(), json, tester);
      } else if (g instanceof TestCase.GivenEvent e) {
        Event event = aggregate.event(e.event()).orElseThrow();
        ObjectNode json = yaml.object(e.fields(), event.fields(), Optional.of(aggregate), false);
        engine.record(aggregate.name(), key, e.event(), json, tester);
      }
    }
  }

  private Outcome when(
      Engine engine, Flow flow, Aggregate aggregate, TestCase test, Caller tester, Instant now) {
    MappingNode when = test.when().orElse(null);
    if (flow instanceof Command command && test.on().isEmpty()) {
      ObjectNode input =
          when == null
              ? JsonNodeFactory.instance.objectNode()
              : yaml.object(when, command.fields(), Optional.of(aggregate), true);
      List<AuthType> types = engine.authTypes(command);
      AuthType type =
          types.contains(AuthType.AMAZON_COGNITO_USER_POOLS)
              ? AuthType.AMAZON_COGNITO_USER_POOLS
              : types.get(0);
      Caller caller = Caller.authenticated(type, tester.id(), tester.name(), tester.roles());
      return engine.command(command, input, caller, type, now);
    }
    Event trigger =
        flow instanceof Policy policy
            ? index.event(policy.on()).orElseThrow()
            : index.event(test.on().orElseThrow()).orElseThrow();
    Aggregate source = index.aggregate(trigger.aggregate()).orElseThrow();
    ObjectNode payload =
        when == null
            ? JsonNodeFactory.instance.objectNode()
            : yaml.object(when, trigger.fields(), Optional.of(source), false);
    YamlJson.completeNumbers(payload, trigger.fields());
    StoredEvent event =
        new StoredEvent(source.name(), "trigger", 1, trigger.name(), payload, tester, null);
    if (flow instanceof Policy policy) {
      return engine.policy(policy, event, now);
    }
    Command command = (Command) flow;
    Trigger on =
        command.triggers().stream()
            .filter(t -> index.event(t.on()).filter(e -> e == trigger).isPresent())
            .findFirst()
            .orElseThrow();
    return engine.trigger(command, on, event, now);
  }

  private void then(
      Engine engine,
      Flow flow,
      Aggregate aggregate,
      TestCase test,
      Outcome outcome,
      List<TestResult.Mismatch> mismatches) {
    TestCase.Then then = test.then();
    String what = flow instanceof Command && test.on().isEmpty() ? "the command" : "the flow";
    if (then.error().isPresent()) {
      Located<String> expected = then.error().get();
      if (!(outcome instanceof Outcome.Refused refused)) {
        mismatches.add(
            new TestResult.Mismatch(
                "the error",
                expected.value(),
                what + " succeeded" + recorded((Outcome.Recorded) outcome),
                expected.location()));
        return;
      }
      if (!refused.code().equals(expected.value())) {
        mismatches.add(
            new TestResult.Mismatch(
                "the error", expected.value(), refused.describe(), expected.location()));
        return;
      }
      String message = aggregate.messageFor(flow.rules(), expected.value());
      if (!message.isEmpty() && !message.equals(refused.message())) {
        mismatches.add(
            new TestResult.Mismatch(
                "the message of " + expected.value(),
                message,
                refused.message(),
                expected.location()));
      }
    }
    boolean expectsSuccess =
        then.events().isPresent() || then.state().isPresent() || then.deleted().isPresent();
    if (!expectsSuccess) {
      return;
    }
    if (outcome instanceof Outcome.Refused refused) {
      mismatches.add(
          new TestResult.Mismatch(
              "the outcome",
              "success",
              what + " failed with " + refused.describe(),
              then.location()));
      return;
    }
    Outcome.Recorded recorded = (Outcome.Recorded) outcome;
    then.events().ifPresent(expected -> events(aggregate, expected, recorded, then, mismatches));
    Optional<EventStore.Instance> instance = engine.events().find(aggregate.name(), recorded.key());
    then.state()
        .ifPresent(
            state -> {
              ObjectNode expected =
                  yaml.object(state, aggregate.fields(), Optional.of(aggregate), false);
              Expectations.fields(
                  "the state",
                  expected,
                  instance.map(EventStore.Instance::state).orElse(null),
                  state,
                  mismatches);
            });
    then.deleted()
        .ifPresent(
            deleted -> {
              boolean everStarted = instance.map(i -> !i.history().isEmpty()).orElse(false);
              boolean exists = instance.map(EventStore.Instance::exists).orElse(false);
              if (deleted.value() && (!everStarted || exists)) {
                mismatches.add(
                    new TestResult.Mismatch(
                        "deleted",
                        "the instance deleted",
                        everStarted ? "it still exists" : "it never existed",
                        deleted.location()));
              } else if (!deleted.value() && !exists) {
                mismatches.add(
                    new TestResult.Mismatch(
                        "deleted",
                        "the instance to exist",
                        everStarted ? "it was deleted" : "it was never started",
                        deleted.location()));
              }
            });
  }

  private void events(
      Aggregate aggregate,
      List<TestCase.ExpectedEvent> expected,
      Outcome.Recorded recorded,
      TestCase.Then then,
      List<TestResult.Mismatch> mismatches) {
    List<String> expectedNames = expected.stream().map(TestCase.ExpectedEvent::event).toList();
    List<String> actualNames = recorded.events().stream().map(StoredEvent::type).toList();
    if (!expectedNames.equals(actualNames)) {
      mismatches.add(
          new TestResult.Mismatch(
              "the events", names(expectedNames), names(actualNames), then.location()));
      return;
    }
    for (int i = 0; i < expected.size(); i++) {
      TestCase.ExpectedEvent e = expected.get(i);
      Event event = aggregate.event(e.event()).orElseThrow();
      ObjectNode fields = yaml.object(e.fields(), event.fields(), Optional.of(aggregate), false);
      Expectations.fields(
          "event " + (i + 1) + " (" + e.event() + ")",
          fields,
          recorded.events().get(i).payload(),
          e.fields(),
          mismatches);
    }
  }

  private static String names(List<String> events) {
    return events.isEmpty() ? "no events" : String.join(", ", events);
  }

  private static String recorded(Outcome.Recorded recorded) {
    return recorded.events().isEmpty()
        ? ", recording no events"
        : ", recording " + names(recorded.events().stream().map(StoredEvent::type).toList());
  }
}
