package dev.tracepaper.testing;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test whose expectation no longer holds fails, at the test's place in the model, with a
 * difference that names what differs in the model's words: one example edited per kind of
 * expectation (events, state, error, deleted, rows).
 */
class FailingExpectationsTest {

  @TempDir Path folder;

  @Test
  void anEventFieldThatDiffersNamesTheEventAndField() throws IOException {
    TestResult failed =
        onlyFailure(
            "library",
            "events: [{BookLent: {isbn: '9780441013593', memberId: m1}}]",
            "events: [{BookLent: {isbn: '9780441013593', memberId: m9}}]");

    assertThat(failed.name()).isEqualTo("lends an available copy");
    assertThat(failed.element()).isEqualTo("command `LendBook`");
    assertThat(failed.location().toString()).isEqualTo("catalog.yaml:82:13");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("event 1 (BookLent): `memberId`");
    assertThat(mismatch.expected()).isEqualTo("m9");
    assertThat(mismatch.actual()).isEqualTo("m1");
    assertThat(mismatch.location().line()).isEqualTo(lineOf("catalog.yaml", "memberId: m9}}]"));
  }

  @Test
  void eventsOfOtherNamesAreListedBothWays() throws IOException {
    TestResult failed =
        onlyFailure(
            "projects",
            "events: [{PersonIntroduced: {userId: u-alan, displayName: Alan, timeZone: UTC}}]",
            "events: [{ProfileChanged: {userId: u-alan, displayName: Alan, timeZone: UTC}}]");

    assertThat(failed.name()).isEqualTo("introduces someone who has no profile yet");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the events");
    assertThat(mismatch.expected()).isEqualTo("ProfileChanged");
    assertThat(mismatch.actual()).isEqualTo("PersonIntroduced");
  }

  @Test
  void aStateFieldThatDiffersIsNamed() throws IOException {
    TestResult failed = onlyFailure("library", "state: {available: 0}", "state: {available: 5}");

    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the state: `available`");
    assertThat(mismatch.expected()).isEqualTo("5");
    assertThat(mismatch.actual()).isEqualTo("0");
    assertThat(mismatch.location().line())
        .isEqualTo(lineOf("catalog.yaml", "state: {available: 5}"));
  }

  @Test
  void anotherErrorShowsTheCodeAndMessageItGot() throws IOException {
    TestResult failed =
        onlyFailure("library", "then: {error: NO_COPIES_LEFT}", "then: {error: WITHDRAWN}");

    assertThat(failed.name()).isEqualTo("refuses when no copy is left");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the error");
    assertThat(mismatch.expected()).isEqualTo("WITHDRAWN");
    assertThat(mismatch.actual()).isEqualTo("NO_COPIES_LEFT: No copies of this book are available");
  }

  @Test
  void anAutomationsRenderedBodyThatDiffersIsShownAtItsExpectation() throws IOException {
    TestResult failed =
        onlyFailure("library", "<p>Dear Ada O&#39;Hara,</p>", "<p>Dear Ada O'Hara,</p>");

    assertThat(failed.element()).isEqualTo("automation `WelcomeMember`");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("activity 1 (`email`): `body`");
    assertThat(mismatch.actual()).startsWith("<p>Dear Ada O&#39;Hara,</p>");
    assertThat(mismatch.location().line()).isEqualTo(lineOf("automations.yaml", "body: |"));
  }

  @Test
  void anActivityAnAutomationWouldNotPerformIsNamed() throws IOException {
    TestResult failed =
        onlyFailure(
            "clinic",
            "        then: []",
            "        then:\n          - command: {send: Invoice.WaiveInvoice}");

    assertThat(failed.name()).isEqualTo("leaves a real invoice alone");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("activity 1");
    assertThat(mismatch.expected()).isEqualTo("a `command` activity");
    assertThat(mismatch.actual()).isEqualTo("nothing more");
  }

  @Test
  void aSecretIsAPlaceholderAndAHeaderThatDiffersIsNamed() throws IOException {
    TestResult failed =
        onlyFailure(
            "library",
            "headers: {Authorization: Bearer «secret supplierToken»}",
            "headers: {Authorization: Bearer s3cr3t}");

    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("activity 1 (`http`): `headers`: `Authorization`");
    assertThat(mismatch.expected()).isEqualTo("Bearer s3cr3t");
    assertThat(mismatch.actual()).isEqualTo("Bearer «secret supplierToken»");
  }

  /**
   * Validation proves `deleted` against the events a flow always emits, so only an ending event
   * under a condition can leave the expectation to the run: DeleteProject gets one that fails here.
   */
  @Test
  void anInstanceThatStillExistsFailsAnExpectationThatItIsDeleted() throws IOException {
    TestResult failed =
        onlyFailure(
            "tracepaper-studio",
            text ->
                text.replace(
                        "emits: [ProjectDeleted]",
                        "emits: [{ProjectDeleted: null, if: \"command.drn.endsWith(':Other')\"}]")
                    .replace(
                        "events: [{ProjectDeleted: {drn: 'D3308175807:personal:Test'}}]\n"
                            + "              deleted: true",
                        "deleted: true"));

    assertThat(failed.name()).isEqualTo("deletes the project");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("deleted");
    assertThat(mismatch.expected()).isEqualTo("the instance deleted");
    assertThat(mismatch.actual()).isEqualTo("it still exists");
    // The edit took the events' line out: the test's `deleted: true` is now on that line.
    List<String> lines =
        Files.readAllLines(TestPaths.examples().resolve("tracepaper-studio/projects.yaml"));
    int line =
        lines.indexOf(
                "              events: [{ProjectDeleted: {drn: 'D3308175807:personal:Test'}}]")
            + 1;
    assertThat(line).isGreaterThan(0);
    assertThat(mismatch.location().toString()).isEqualTo("projects.yaml:" + line + ":24");
  }

  @Test
  void aRowFieldThatDiffersNamesTheRowAndField() throws IOException {
    TestResult failed =
        onlyFailure(
            "library",
            "- {isbn: '9780441013593', title: Dune, available: 1, status: AVAILABLE}",
            "- {isbn: '9780441013593', title: Dune, available: 2, status: AVAILABLE}");

    assertThat(failed.element()).isEqualTo("view `BookAvailability`");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("row 9780441013593 of BookAvailability: `available`");
    assertThat(mismatch.expected()).isEqualTo("2");
    assertThat(mismatch.actual()).isEqualTo("1");
  }

  @Test
  void aMissingRowIsNamedByItsKey() throws IOException {
    TestResult failed =
        onlyFailure(
            "library",
            "- {isbn: '9780441013593', title: Dune, available: 1, status: AVAILABLE}",
            "- {isbn: '9780441013593', title: Dune, available: 1, status: AVAILABLE}\n"
                + "            - {isbn: '9780000000000'}");

    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the rows of BookAvailability (by isbn)");
    assertThat(mismatch.expected()).isEqualTo("9780000000000, 9780441013593");
    assertThat(mismatch.actual()).isEqualTo("9780441013593");
  }

  @Test
  void anExpressionThatFailsWhileItRunsIsNamedAtItsPlace() throws IOException {
    Path copy =
        EditedExamples.write(
            folder,
            "library",
            text ->
                text.replace(
                    "available: state.available + 1\n          loans: {remove: event.loanId}",
                    "available: state.available / (state.copies - state.copies)\n"
                        + "          loans: {remove: event.loanId}"));

    List<TestResult> failed =
        ModelTests.run(EditedExamples.index(copy), r -> {}).results().stream()
            .filter(r -> r.status() == TestResult.Status.FAILED)
            .toList();

    assertThat(failed.stream().map(TestResult::name).toList())
        .containsExactly(
            "takes a lent copy back", "takes back a copy lent before borrowers were members");
    TestResult.Mismatch mismatch = failed.get(0).mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("`state.available / (state.copies - state.copies)`");
    assertThat(mismatch.actual()).isEqualTo("it failed: / by zero");
    assertThat(mismatch.location().line())
        .isEqualTo(lineOf("catalog.yaml", "available: state.available / (state.copies"));
  }

  @Test
  void aScenarioExpectationThatNoLongerHoldsFailsAtItsStep() throws IOException {
    TestResult failed =
        onlyFailure(
            "projects",
            "expect: {assigned: 1, completed: 1}",
            "expect: {assigned: 1, completed: 2}");

    assertThat(failed.element()).isEqualTo("scenarios");
    assertThat(failed.name()).isEqualTo("Onboarding");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("step 17 (Their workload counts it): `completed`");
    assertThat(mismatch.expected()).isEqualTo("2");
    assertThat(mismatch.actual()).isEqualTo("1");
    assertThat(mismatch.location().toString())
        .isEqualTo(
            "scenarios.yaml:"
                + lineOf("scenarios.yaml", "completed: 2}")
                + ":"
                + (Files.readAllLines(folder.resolve("scenarios.yaml")).stream()
                        .filter(l -> l.contains("completed: 2}"))
                        .findFirst()
                        .orElseThrow()
                        .indexOf("completed: 2")
                    + 1));
  }

  @Test
  void aScenarioCommandExpectedToFailThatSucceedsSaysSo() throws IOException {
    // Ended at step 6, the scenario no longer covers the model's minimum: the coverage fails too.
    TestResult failed =
        failure(
            "Onboarding",
            "projects",
            "as: {id: u-mallory, name: mallory}\n        input: {workspaceId: '${workspaceId}',"
                + " userId: u-eve}",
            "input: {workspaceId: '${workspaceId}', userId: u-eve}");

    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("step 6 (Only the owner adds members): `AddMember`");
    assertThat(mismatch.expected()).isEqualTo("to fail with UNAUTHORIZED");
    assertThat(mismatch.actual()).isEqualTo("it succeeded");
    assertThat(mismatch.location().line())
        .isEqualTo(lineOf("scenarios.yaml", "error: UNAUTHORIZED"));
  }

  @Test
  void aScenarioQueryThatRefusesTheCallerFailsTheStep() throws IOException {
    TestResult failed =
        onlyFailure(
            "projects",
            "args: {assignee: u-alan}\n        error: UNAUTHORIZED",
            "args: {assignee: u-alan}");

    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject())
        .isEqualTo("step 15 (Nobody reads another's queue): `PendingTask.byAssignee`");
    assertThat(mismatch.expected()).isEqualTo("an answer");
    assertThat(mismatch.actual()).isEqualTo("it refused the caller grace: UNAUTHORIZED");
  }

  @Test
  void scenarioCoverageBelowItsMinimumFailsNamingWhatNoScenarioReads() throws IOException {
    TestResult failed =
        onlyFailure(
            "projects",
            "scenarioCoverage: {events: 30, views: 75}",
            "scenarioCoverage: {events: 50, views: 75}");

    assertThat(failed.name()).isEqualTo("coverage (app.scenarioCoverage)");
    assertThat(failed.location().toString()).startsWith("app.yaml:");
    TestResult.Mismatch mismatch = failed.mismatches().get(0);
    assertThat(mismatch.subject()).isEqualTo("the events the scenarios record");
    assertThat(mismatch.expected()).isEqualTo("at least 50%");
    assertThat(mismatch.actual()).startsWith("8/19 (42%); not covered: ");
    assertThat(mismatch.actual()).contains("Person.PersonForgotten");
  }

  /** Runs the example with one edit and returns the failed test of this name. */
  private TestResult failure(String name, String example, String from, String to)
      throws IOException {
    Path copy = EditedExamples.write(folder, example, text -> text.replace(from, to));
    return ModelTests.run(EditedExamples.index(copy), r -> {}).results().stream()
        .filter(r -> r.status() == TestResult.Status.FAILED && r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Runs the example with one edit; exactly one test fails, and is returned. */
  private TestResult onlyFailure(String example, String from, String to) throws IOException {
    return onlyFailure(example, text -> text.replace(from, to));
  }

  private TestResult onlyFailure(String example, UnaryOperator<String> edit) throws IOException {
    Path copy = EditedExamples.write(folder, example, edit);
    List<TestResult> failed =
        ModelTests.run(EditedExamples.index(copy), r -> {}).results().stream()
            .filter(r -> r.status() == TestResult.Status.FAILED)
            .toList();
    assertThat(failed).hasSize(1);
    return failed.get(0);
  }

  private int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file + " of " + TestPaths.examples());
  }
}
