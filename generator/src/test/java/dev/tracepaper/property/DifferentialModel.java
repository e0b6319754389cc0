package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.engine.Caller;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.testing.DifferentialScenario;
import dev.tracepaper.testing.DifferentialScenario.Step;
import dev.tracepaper.testing.ModelTests;
import dev.tracepaper.testing.TestResult;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One seed of {@link DifferentialTest}: the random model ({@link RandomModel}), the views that let
 * a scenario see every event and state ({@code observing.yaml}), and the scenario {@code
 * Differential} of a random command sequence with what the engine answered ({@code
 * differential.yaml}), in a folder that {@code tracepaper test} and {@code generate} take as it is.
 *
 * @param mutations the scenarios that each change one expectation of {@code Differential}, by name:
 *     both the engine and the generated code must fail them
 */
record DifferentialModel(long seed, Path folder, List<Step> steps, Map<String, String> mutations) {

  /** Commands per sequence. */
  static final int COMMANDS = Integer.getInteger("differential.commands", 20);

  static final String SCENARIO = "Differential";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The model of {@code seed} in {@code folder}; empty when the seed's model is invalid on purpose.
   */
  static Optional<DifferentialModel> of(long seed, Path folder, boolean mutated)
      throws IOException {
    RandomModel.Generated generated = RandomModel.of(seed);
    if (generated.mistake()) {
      return Optional.empty();
    }
    fresh(folder);
    Files.writeString(folder.resolve("model.yaml"), generated.yaml(), UTF_8);
    return Optional.of(withSequence(seed, folder, mutated, "the random model"));
  }

  /**
   * An example model (its files copied into {@code folder}) with the sequence of {@code seed}: the
   * examples have what random models lack (roles, owners, unique values, deletions, index queries,
   * entities, custom code).
   */
  static DifferentialModel ofExample(Path example, long seed, Path folder) throws IOException {
    fresh(folder);
    try (var files = Files.walk(example)) {
      // The model files, and the templates of its automations beside them.
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = folder.resolve(example.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    }
    return withSequence(seed, folder, false, "the example " + example.getFileName());
  }

  private static void fresh(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (var files = Files.walk(folder)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(folder);
  }

  private static DifferentialModel withSequence(
      long seed, Path folder, boolean mutated, String what) throws IOException {
    ModelIndex base = valid(folder, seed, what);
    Files.writeString(
        folder.resolve("observing.yaml"), DifferentialScenario.observingViews(base), UTF_8);
    ModelIndex observed = valid(folder, seed, what + " with its observing views");
    List<Step> steps = DifferentialScenario.record(observed, seed, COMMANDS);
    Caller user = DifferentialScenario.user(observed);
    Map<String, String> mutations = mutated ? mutations(steps, user) : Map.of();
    StringBuilder scenarios =
        new StringBuilder("tracepaper: 1\nscenarios:\n")
            .append(DifferentialScenario.yaml(SCENARIO, user, steps));
    mutations.values().forEach(scenarios::append);
    Files.writeString(folder.resolve("differential.yaml"), scenarios, UTF_8);
    DifferentialModel model = new DifferentialModel(seed, folder, steps, mutations);
    model.passesOnTheEngine(valid(folder, seed, what + " with its differential scenario"));
    return model;
  }

  private static ModelIndex valid(Path folder, long seed, String what) {
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    assertWithMessage(
            "seed %s: %s is not valid:\n%s\n%s",
            seed,
            what,
            outcome.report().diagnostics().stream()
                .map(d -> d.location() + ": " + d.message())
                .collect(java.util.stream.Collectors.joining("\n")),
            folder)
        .that(outcome.report().hasErrors() || outcome.index().isEmpty())
        .isFalse();
    return outcome.index().orElseThrow();
  }

  /**
   * The engine, run as {@code tracepaper test} runs it, passes the scenario written from its own
   * answers (so the scenario says what the engine does) and fails every mutation (so that a
   * scenario notices one changed value).
   */
  private void passesOnTheEngine(ModelIndex index) {
    List<TestResult> results = ModelTests.run(index, r -> {}).results();
    for (TestResult result : results) {
      boolean mutation =
          result.element().equals("scenarios") && mutations.containsKey(result.name());
      TestResult.Status expected = mutation ? TestResult.Status.FAILED : TestResult.Status.PASSED;
      if (result.status() != TestResult.Status.NOT_RUN) {
        assertWithMessage(
                "seed %s: on the engine, %s %s should have %s: %s\n%s",
                seed, result.element(), result.name(), expected, result.mismatches(), replay())
            .that(result.status())
            .isEqualTo(expected);
      }
    }
  }

  /** How to run this seed alone, and where its model is. */
  String replay() {
    return ("replay with: ./mvnw -B -ntp -pl generator test -Dtest=DifferentialTest"
            + " -Ddifferential.seed=%d (the model: %s; ./tracepaper test %s)")
        .formatted(seed, folder, folder);
  }

  /**
   * Scenarios of {@code steps} up to one changed expectation each: a field of a row, an error code,
   * an error message, a version (one event more), a row left out (one row more).
   */
  private static Map<String, String> mutations(List<Step> steps, Caller user) {
    Map<String, String> mutations = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      JsonNode items = step.expect().get("items");
      if (items != null && !items.isEmpty() && !mutations.containsKey("MutatedRowField")) {
        ArrayNode changed = (ArrayNode) items.deepCopy();
        ObjectNode row = (ObjectNode) changed.get(changed.size() - 1);
        // The last field holding a number, text or boolean: a payload value, changed.
        String field =
            row.propertyNames().stream()
                .filter(f -> row.get(f).isValueNode())
                .reduce((a, b) -> b)
                .orElseThrow();
        row.set(field, changedValue(row.get(field)));
        add(mutations, "MutatedRowField", steps, user, i, step.expecting("items", changed));
      }
      if (items != null && !items.isEmpty() && !mutations.containsKey("MutatedMissingRow")) {
        ArrayNode fewer = (ArrayNode) items.deepCopy();
        fewer.remove(0);
        add(mutations, "MutatedMissingRow", steps, user, i, step.expecting("items", fewer));
      }
      if (step.command() && step.error() == null && !mutations.containsKey("MutatedVersion")) {
        JsonNode version = step.expect().get("version");
        add(
            mutations,
            "MutatedVersion",
            steps,
            user,
            i,
            step.expecting("version", NODES.numberNode(version.asLong() + 1)));
      }
      if (step.error() != null && !mutations.containsKey("MutatedErrorMessage")) {
        add(
            mutations,
            "MutatedErrorMessage",
            steps,
            user,
            i,
            step.withMessage(step.message() + "!"));
      }
      if (step.error() != null && !mutations.containsKey("MutatedErrorCode")) {
        String other = step.error().equals("VALIDATION") ? "NOT_FOUND" : "VALIDATION";
        add(mutations, "MutatedErrorCode", steps, user, i, step.failingWith(other));
      }
    }
    return mutations;
  }

  private static void add(
      Map<String, String> mutations,
      String name,
      List<Step> steps,
      Caller user,
      int at,
      Step changed) {
    List<Step> prefix = new ArrayList<>(steps.subList(0, at));
    prefix.add(changed);
    mutations.put(name, DifferentialScenario.yaml(name, user, prefix));
  }

  private static JsonNode changedValue(JsonNode value) {
    if (value.isNumber()) {
      return NODES.numberNode(value.decimalValue().add(java.math.BigDecimal.ONE));
    }
    if (value.isBoolean()) {
      return NODES.booleanNode(!value.asBoolean());
    }
    return NODES.stringNode(value.asString() + "!");
  }
}
