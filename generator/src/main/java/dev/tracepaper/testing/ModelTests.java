package dev.tracepaper.testing;

import dev.tracepaper.engine.Engine;
import dev.tracepaper.engine.EvaluationFailed;
import dev.tracepaper.model.Aggregate;
import dev.tracepaper.model.Command;
import dev.tracepaper.model.Flow;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.Scenario;
import dev.tracepaper.model.TestCase;
import dev.tracepaper.model.View;
import dev.tracepaper.model.ViewTest;
import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs every test a valid model carries on the {@link Engine}: the cases of commands and policies,
 * then those of views, then those of automations (what each would do, none of it done), in model
 * order. Tests of hand-written code ({@code custom: true}) are not run. Then the scenarios, each
 * one test whose steps run in order on a fresh engine.
 */
public final class ModelTests {

  /**
   * The tests' results, scenarios included (and their coverage, when {@code app.scenarioCoverage}
   * sets a minimum); {@code scenarioCoverage} the coverage line when the model has scenarios.
   */
  public record Run(List<TestResult> results, Optional<String> scenarioCoverage, long millis) {
    public Run {
      results = List.copyOf(results);
    }

    public long count(TestResult.Status status) {
      return results.stream().filter(r -> r.status() == status).count();
    }

    public boolean passed() {
      return count(TestResult.Status.FAILED) == 0;
    }
  }

  private static final String HAND_WRITTEN = "not run: hand-written code (custom: true) takes part";

  private ModelTests() {}

  /** Runs the tests of {@code index}'s model; {@code each} sees every result as it comes. */
  public static Run run(ModelIndex index, Consumer<TestResult> each) {
    long start = System.nanoTime();
    Engine engine = new Engine(index);
    FlowCases flows = new FlowCases(index, engine);
    ViewCases views = new ViewCases(index, engine);
    List<TestResult> results = new ArrayList<>();
    for (Aggregate aggregate : index.model().aggregates()) {
      for (Flow flow : aggregate.flows()) {
        String element =
            (flow instanceof Command ? "command" : "policy") + " `" + flow.name() + "`";
        for (TestCase test : flow.tests()) {
          TestResult result =
              flow.custom()
                  ? notRun(element, test.name(), test.location())
                  : timed(element, test.name(), test.location(), m -> flows.run(flow, test, m));
          results.add(result);
          each.accept(result);
        }
      }
    }
    for (View view : index.model().views()) {
      String element = "view `" + view.name() + "`";
      for (ViewTest test : view.tests()) {
        TestResult result =
            view.custom()
                ? notRun(element, test.name(), test.location())
                : timed(element, test.name(), test.location(), m -> views.run(view, test, m));
        results.add(result);
        each.accept(result);
      }
    }
    AutomationCases automations = new AutomationCases(index, engine);
    for (dev.tracepaper.model.Automation automation : index.model().automations()) {
      String element = "automation `" + automation.name() + "`";
      for (dev.tracepaper.model.Automation.Test test : automation.tests()) {
        TestResult result =
            timed(element, test.name(), test.location(), m -> automations.run(automation, test, m));
        results.add(result);
        each.accept(result);
      }
    }
    ScenarioCases scenarios = new ScenarioCases(index, engine);
    for (Scenario scenario : index.model().scenarios()) {
      TestResult result =
          timed("scenarios", scenario.name(), scenario.location(), m -> scenarios.run(scenario, m));
      results.add(result);
      each.accept(result);
    }
    Optional<String> coverage = Optional.empty();
    if (!index.model().scenarios().isEmpty()
        || index.model().app().flatMap(a -> a.scenarioCoverage()).isPresent()) {
      coverage = Optional.of(scenarios.coverage().line());
      scenarios
          .coverage()
          .asTest()
          .ifPresent(
              result -> {
                results.add(result);
                each.accept(result);
              });
    }
    return new Run(results, coverage, (System.nanoTime() - start) / 1_000_000);
  }

  private static TestResult notRun(String element, String name, SourceLocation location) {
    return new TestResult(
        element,
        name,
        location,
        TestResult.Status.NOT_RUN,
        List.of(new TestResult.Mismatch(HAND_WRITTEN, "", "", location)),
        0);
  }

  private static TestResult timed(
      String element,
      String name,
      SourceLocation location,
      Consumer<List<TestResult.Mismatch>> test) {
    long start = System.nanoTime();
    List<TestResult.Mismatch> mismatches = new ArrayList<>();
    try {
      test.accept(mismatches);
    } catch (dev.tracepaper.engine.TemplateFailed e) {
      mismatches.add(
          new TestResult.Mismatch(
              "the template `" + e.template().path().value() + "`",
              "to be filled",
              "it failed: " + e.reason(),
              e.template().path().location()));
    } catch (EvaluationFailed e) {
      mismatches.add(
          new TestResult.Mismatch(
              "`" + e.expression().text() + "`",
              "a value",
              "it failed: " + e.reason(),
              e.expression().location()));
    }
    return new TestResult(
        element,
        name,
        location,
        mismatches.isEmpty() ? TestResult.Status.PASSED : TestResult.Status.FAILED,
        mismatches,
        (System.nanoTime() - start) / 1000);
  }
}
