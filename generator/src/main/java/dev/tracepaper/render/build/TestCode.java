package dev.tracepaper.render.build;

import dev.tracepaper.engine.YamlJson;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.BusinessRule;
import dev.tracepaper.model.Event;
import dev.tracepaper.model.Field;
import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.TypeRef;
import dev.tracepaper.naming.Case;
import dev.tracepaper.naming.JavaNames;
import dev.tracepaper.naming.Reserved;
import dev.tracepaper.render.data.TestData;
import dev.tracepaper.source.MappingNode;
import dev.tracepaper.source.YamlNode;
import dev.tracepaper.text.Json;
import dev.tracepaper.validate.rules.shape.TestSite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model's given/when/then cases as test data: the values of each case as JSON typed by the
 * fields they fill (YAML {@code 2} for an Int is the number 2, for a String the text "2"), so the
 * generated tests read them through the same JSON code as production.
 */
final class TestCode {

  /** The caller of a case without {@code as}: a user with every role of the model. */
  static final String DEFAULT_CALLER = "test-user";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ModelIndex index;
  private final JavaNames names;
  private final YamlJson json;

  TestCode(ModelIndex index, JavaNames names) {
    this.json = new YamlJson(index);
    this.index = index;
    this.names = names;
  }

  /**
   * What a command's case with {@code on} gives in {@code when}: the fields of that event.
   *
   * @param name the trigger's name ({@code PolicyData.name})
   * @param fields the event's fields
   * @param owner the event's aggregate
   */
  record TriggerInput(String name, List<Field> fields, Aggregate owner) {}

  /** The cases of a policy, or of a command without {@code on}. */
  List<TestData> of(
      Aggregate aggregate,
      List<TestCase> cases,
      List<Field> input,
      Aggregate inputOwner,
      List<BusinessRule> rules,
      boolean whenIsEvent) {
    return of(aggregate, cases, input, inputOwner, rules, whenIsEvent, Map.of());
  }

  /**
   * @param input the fields of {@code when}: the command's, or the triggering event's
   * @param inputOwner the aggregate whose entities those fields may name
   * @param whenIsEvent whether {@code when} is a triggering event (a policy's), completed as a
   *     given event is
   * @param triggers what a case with {@code on} gives instead, by the event's {@code
   *     Aggregate.Event}
   */
  List<TestData> of(
      Aggregate aggregate,
      List<TestCase> cases,
      List<Field> commandInput,
      Aggregate commandInputOwner,
      List<BusinessRule> rules,
      boolean whenIsAnEvent,
      Map<String, TriggerInput> triggers) {
    List<TestData> tests = new ArrayList<>();
    Set<String> methods = new HashSet<>();
    List<String> allRoles = index.roles().stream().sorted().toList();
    for (TestCase test : cases) {
      Optional<TriggerInput> trigger =
          test.on().flatMap(index::event).map(e -> triggers.get(e.aggregate() + "." + e.name()));
      List<Field> input = trigger.map(TriggerInput::fields).orElse(commandInput);
      Aggregate inputOwner = trigger.map(TriggerInput::owner).orElse(commandInputOwner);
      boolean whenIsEvent = whenIsAnEvent || trigger.isPresent();
      List<TestData.EventJson> given = new ArrayList<>();
      String givenState = "";
      for (TestCase.Given g : test.given()) {
        if (g instanceof TestCase.GivenEvent e && e.version().isPresent()) {
          given.add(olderEvent(aggregate, e, e.version().get()));
        } else if (g instanceof TestCase.GivenEvent e) {
          given.add(event(aggregate, e.event(), e.fields(), true));
        } else if (g instanceof TestCase.GivenState s) {
          // As the state before the first event: numbers and booleans not named are 0 and false.
          ObjectNode state = object(s.state(), aggregate.fields(), Optional.of(aggregate));
          YamlJson.completeNumbers(state, aggregate.fields());
          givenState = write(state);
        }
      }
      List<TestData.OtherInstance> others = others(aggregate, test);
      // A command's input is sent as a client writes it; a policy's triggering event is read
      // from the store, in the form the store holds.
      ObjectNode whenJson =
          test.when()
              .map(w -> object(w, input, Optional.of(inputOwner), !whenIsEvent))
              .orElseGet(NODES::objectNode);
      if (whenIsEvent) {
        YamlJson.completeNumbers(whenJson, input);
      }
      String when = write(whenJson);
      List<TestData.EventJson> expected = new ArrayList<>();
      test.then()
          .events()
          .ifPresent(
              events ->
                  events.forEach(
                      e -> expected.add(event(aggregate, e.event(), e.fields(), false))));
      String state =
          test.then()
              .state()
              .map(s -> write(object(s, aggregate.fields(), Optional.of(aggregate))))
              .orElse("");
      tests.add(
          new TestData(
              test.name(),
              method(test.name(), methods),
              test.instanceKey(aggregate.key().map(Located::value).orElse("")),
              given,
              givenState,
              others,
              when,
              test.as().flatMap(a -> a.id().or(a::name)).map(Located::value).orElse(DEFAULT_CALLER),
              test.as().flatMap(TestCase.Caller::name).map(Located::value).orElse(DEFAULT_CALLER),
              test.as().map(a -> a.roles().stream().map(Located::value).toList()).orElse(allRoles),
              expected,
              test.then().events().isPresent(),
              state,
              test.then().deleted().map(d -> d.value().toString()).orElse(""),
              test.then().error().map(Located::value).orElse(""),
              test.then().error().map(e -> aggregate.messageFor(rules, e.value())).orElse(""),
              trigger.map(TriggerInput::name).orElse(""),
              test.at().map(Located::value).orElse("")));
    }
    return tests;
  }

  /**
   * The other instances of a case, each keyed by its key field's value or else {@code other-N}, the
   * key written into its state too.
   */
  private List<TestData.OtherInstance> others(Aggregate aggregate, TestCase test) {
    String keyField = aggregate.key().map(Located::value).orElse("");
    List<TestData.OtherInstance> others = new ArrayList<>();
    for (MappingNode other : test.others()) {
      ObjectNode state = object(other, aggregate.fields(), Optional.of(aggregate));
      YamlJson.completeNumbers(state, aggregate.fields());
      JsonNode key = state.get(keyField);
      String otherKey =
          key != null && key.isString() ? key.asString() : "other-" + (others.size() + 1);
      state.put(keyField, otherKey);
      others.add(new TestData.OtherInstance(otherKey, write(state)));
    }
    return others;
  }

  /**
   * An event of a case as JSON; {@code given} events are completed (below), expected ones are not:
   * their fields not named are not compared.
   */
  private TestData.EventJson event(
      Aggregate aggregate, String name, MappingNode fields, boolean given) {
    Event event = aggregate.event(name).orElseThrow();
    ObjectNode json = object(fields, event.fields(), Optional.of(aggregate));
    if (given) {
      YamlJson.completeNumbers(json, event.fields());
    }
    return new TestData.EventJson(
        name,
        names.event(aggregate.name(), name).simpleName(),
        write(json),
        name,
        event.currentVersion(),
        false);
  }

  /**
   * A given event as the version {@code version} of the model stored it ({@code - BookLent@1}),
   * also under a name the event was {@code renamedFrom}: the test reads it through the event's
   * upcasts.
   */
  private TestData.EventJson olderEvent(
      Aggregate aggregate, TestCase.GivenEvent given, int version) {
    Event event = TestSite.storedAs(aggregate, given.event()).orElseThrow();
    List<Field> fields = event.fieldsOfVersion(version).orElseThrow();
    ObjectNode json = object(given.fields(), fields, Optional.of(aggregate));
    YamlJson.completeNumbers(json, fields);
    String javaClass = names.event(aggregate.name(), event.name()).simpleName();
    return new TestData.EventJson(
        event.name(), javaClass, write(json), given.event(), version, true);
  }

  static String write(JsonNode node) {
    return Json.compact(node);
  }

  /**
   * The case's values as JSON typed by the fields they fill, as stored values (given and expected
   * events and states), whose dates and times are in the stored form. The engine reads the same
   * values with the same {@link YamlJson}, so that `tracepaper test` and the generated tests agree.
   */
  ObjectNode object(MappingNode mapping, List<Field> fields, Optional<Aggregate> owner) {
    return json.object(mapping, fields, owner, false);
  }

  private ObjectNode object(
      MappingNode mapping, List<Field> fields, Optional<Aggregate> owner, boolean asSent) {
    return json.object(mapping, fields, owner, asSent);
  }

  JsonNode value(YamlNode node, TypeRef type, Optional<Aggregate> owner, boolean asSent) {
    return json.value(node, type, owner, asSent);
  }

  /** A YAML value as JSON by its own shape (a Json field's value, or an unknown field). */
  static JsonNode plain(YamlNode node) {
    return YamlJson.plain(node);
  }

  /** A Java method name from the case's name, unique in its class. */
  static String method(String name, Set<String> taken) {
    String base = Case.camel(name.replaceAll("[^A-Za-z0-9]+", " ").trim());
    if (base.isEmpty() || !Character.isJavaIdentifierStart(base.charAt(0))) {
      base = "case" + Case.pascal(base);
    }
    if (Reserved.JAVA_KEYWORDS.contains(base)) {
      base = base + "Case";
    }
    String method = base;
    for (int n = 2; !taken.add(method); n++) {
      method = base + n;
    }
    return method;
  }
}
